package io.opsbridge.core.proxy;

/**
 * The host answered with an error status other than 404; {@link #detail()} and {@link #field()}
 * come from its problem+json body when it sent one.
 */
public class HostRejectedException extends HostException {

    private final int status;
    private final String detail;
    private final String field;

    public HostRejectedException(String hostUrl, String message, int status, String detail, String field) {
        super(hostUrl, message, null);
        this.status = status;
        this.detail = detail;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public String field() {
        return field;
    }
}
