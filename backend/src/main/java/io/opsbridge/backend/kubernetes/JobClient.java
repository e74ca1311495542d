package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.opsbridge.core.proxy.HostException;
import io.opsbridge.core.proxy.HostRejectedException;
import io.opsbridge.core.proxy.HostUnreachableException;
import io.opsbridge.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.function.Supplier;

/**
 * The Kubernetes engine's only calls to the API server: create a Job, read a Job with its pods, delete
 * a Job (background propagation): plain create and delete, no apply, no watch. The client is made at the
 * first call (a backend on the hosts engine never makes one). A failed call is a {@link HostException}
 * as a host's would be: unreachable (503) or refused with the API server's status.
 */
@ApplicationScoped
public class JobClient {

    private final Instance<KubernetesClient> client;
    private final Settings settings;

    public JobClient(Instance<KubernetesClient> client, Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** The namespace of the Jobs now: the setting, else the client's, else {@code default}. */
    public String namespace() {
        return settings.current().section(KubernetesConfig.class).namespace()
                .orElseGet(() -> {
                    String own = client.get().getNamespace();
                    return own == null || own.isBlank() ? "default" : own;
                });
    }

    /** Creates {@code job} in {@code namespace}. */
    public Job create(String namespace, Job job) {
        return call("create Job " + job.getMetadata().getName(),
                () -> client.get().batch().v1().jobs().inNamespace(namespace).resource(job).create());
    }

    /** The Job {@code jobName} (absent: {@link JobView#exists} false) and its pods, found by the {@code opsbridge.io/job-name} label. */
    public JobView read(String namespace, String jobName) {
        return call("read Job " + jobName, () -> {
            Job job = client.get().batch().v1().jobs().inNamespace(namespace).withName(jobName).get();
            var pods = client.get().pods().inNamespace(namespace).withLabel(TrainingJobSpec.JOB_LABEL, jobName).list()
                    .getItems().stream().map(PodView::of).toList();
            return JobView.of(jobName, job, pods);
        });
    }

    /** Deletes the Job {@code jobName} and, in the background, its pods; a Job already gone is fine. */
    public void delete(String namespace, String jobName) {
        call("delete Job " + jobName, () -> client.get().batch().v1().jobs().inNamespace(namespace).withName(jobName)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete());
    }

    private <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            String where = "kubernetes API " + safeUrl();
            int code = e.getCode();
            String detail = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                    : String.valueOf(e.getMessage());
            if (code == 0 || code >= 500) {
                throw new HostUnreachableException(where, what + " failed: " + detail, e);
            }
            throw new HostRejectedException(where, what + " refused (" + code + "): " + detail, code, detail, null);
        }
    }

    private String safeUrl() {
        try {
            return String.valueOf(client.get().getMasterUrl());
        } catch (RuntimeException e) {
            return "(not configured)";
        }
    }
}
