package io.opsbridge.core.lifecycle;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.core.follow.ProgressSource;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What a read that found an operation lost offers before it fails it: a training whose owner replica
 * is lost resumes on the replica whose claim wins ({@link OperationResumes#resumeFromLostOwner}); one
 * whose worker host is lost, on another host ({@link LostHosts}). Empty: it is not to be resumed, and
 * fails at its fail-after as it always did.
 */
public final class LostWork implements BiFunction<OperationInfo, ProgressSource, Optional<OperationInfo>> {

    private final OperationResumes resumes;
    private final LostHosts hosts;

    public LostWork(OperationResumes resumes, LostHosts hosts) {
        this.resumes = resumes;
        this.hosts = hosts;
    }

    @Override
    public Optional<OperationInfo> apply(OperationInfo seen, ProgressSource source) {
        String lostOwner = source.lostOwner();
        return lostOwner != null ? resumes.resumeFromLostOwner(seen, lostOwner) : hosts.resume(seen, source);
    }
}
