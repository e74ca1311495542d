package io.opsbridge.core.proxy;

/** No connection could be made to the host (refused, unknown name, connect timeout, closed). */
public class HostUnreachableException extends HostException {

    public HostUnreachableException(String hostUrl, String message, Throwable cause) {
        super(hostUrl, message, cause);
    }
}
