package io.opsbridge.core.proxy;

/** The host answered 404: it does not know the operation (e.g. it restarted and lost it). */
public class HostNotFoundException extends HostException {

    public HostNotFoundException(String hostUrl, String message) {
        super(hostUrl, message, null);
    }
}
