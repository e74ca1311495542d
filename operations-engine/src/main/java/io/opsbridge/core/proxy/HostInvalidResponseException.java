package io.opsbridge.core.proxy;

/** The host answered, but with a body that is not the JSON the contract promises. */
public class HostInvalidResponseException extends HostException {

    public HostInvalidResponseException(String hostUrl, String message, Throwable cause) {
        super(hostUrl, message, cause);
    }
}
