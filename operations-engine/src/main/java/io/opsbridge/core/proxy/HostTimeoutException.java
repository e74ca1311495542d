package io.opsbridge.core.proxy;

/** The host accepted the connection but did not answer within the read timeout. */
public class HostTimeoutException extends HostException {

    public HostTimeoutException(String hostUrl, String message, Throwable cause) {
        super(hostUrl, message, cause);
    }
}
