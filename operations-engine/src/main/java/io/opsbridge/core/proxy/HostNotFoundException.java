package io.opsbridge.core.proxy;

/**
 * The host does not have the operation: it answered 404 (it never knew it, or lost its store) or 410
 * (its retention removed it; {@link #removed()}). Either way no answer of the host will ever finish it.
 */
public class HostNotFoundException extends HostException {

    private final boolean removed;

    public HostNotFoundException(String hostUrl, String message) {
        this(hostUrl, message, false);
    }

    public HostNotFoundException(String hostUrl, String message, boolean removed) {
        super(hostUrl, message, null);
        this.removed = removed;
    }

    /** Whether the host's retention removed the operation (410 Gone) rather than never having it (404). */
    public boolean removed() {
        return removed;
    }

    /** Why the record that follows {@code hostOperationId} fails, in the words a user reads in its {@code error_message}. */
    public String reason(String hostOperationId) {
        return removed
                ? "host " + hostUrl() + " removed operation " + hostOperationId
                        + " by its retention before its outcome was read here"
                : "host " + hostUrl() + " does not know operation " + hostOperationId
                        + ": it never ran there, or the host lost its store (its opsbridge.data-dir)";
    }
}
