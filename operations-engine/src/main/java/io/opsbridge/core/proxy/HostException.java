package io.opsbridge.core.proxy;

/** A call to a worker host did not give a usable answer; the subclass says why. */
public abstract class HostException extends RuntimeException {

    private final String hostUrl;

    protected HostException(String hostUrl, String message, Throwable cause) {
        super(message, cause);
        this.hostUrl = hostUrl;
    }

    /** The base URL of the host that was called. */
    public String hostUrl() {
        return hostUrl;
    }
}
