package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import java.util.Optional;

/**
 * A kind of place where operations run that any process can follow: it recognises an operation
 * running there from its record and attaches a source for it. {@link ProgressSources} asks its
 * kinds in turn for a running operation that has no source in this process (another replica started
 * it, or this process restarted), so a new place to run work is one more class, not a branch.
 *
 * @see HostSources operations on a worker host
 */
public interface SourceKind {

    /** A source that follows {@code info}, if it runs at a place of this kind; empty otherwise. Never called twice for one id at once. */
    Optional<ProgressSource> attach(OperationInfo info);
}
