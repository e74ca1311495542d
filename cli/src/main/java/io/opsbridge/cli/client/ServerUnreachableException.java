package io.opsbridge.cli.client;

/** No answer from the server at all (connection refused, unknown host, timeout); the message names the URL tried. */
public class ServerUnreachableException extends RuntimeException {

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
