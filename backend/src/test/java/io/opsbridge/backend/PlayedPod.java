package io.opsbridge.backend;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.opsbridge.backend.kubernetes.PodStates;
import io.opsbridge.testsupport.PackagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One pod of a Job as the test, playing the Job controller and the kubelet, runs it: a real training
 * host in one-job mode (the packaged jar) with the environment of the Job's pod template on a free port,
 * and its Pod object (the template's labels, the port named {@code http}, {@code status.podIP} 127.0.0.1)
 * moved through Running / Succeeded / Failed by status updates.
 */
final class PlayedPod implements AutoCloseable {

    private final KubernetesClient api;
    private final String namespace;
    private final String name;
    private final int port;
    private final Path log;
    private PackagedProcess process;
    /** Set once the test ends the pod itself (eviction, deletion): the kubelet's own report of the exit is skipped. */
    private volatile boolean ended;

    private PlayedPod(KubernetesClient api, String namespace, String name, int port, Path log) {
        this.api = api;
        this.namespace = namespace;
        this.name = name;
        this.port = port;
        this.log = log;
    }

    /** Creates the Pod {@code name} of {@code job}, Pending, with no process yet. */
    static PlayedPod created(KubernetesClient api, Job job, String name) {
        Path dir = Path.of("target", "played-pods").toAbsolutePath();
        String namespace = job.getMetadata().getNamespace() != null ? job.getMetadata().getNamespace()
                : KubernetesCluster.NS;
        PlayedPod pod = new PlayedPod(api, namespace, name, PackagedProcess.freePort(), dir.resolve(name + ".log"));
        var template = job.getSpec().getTemplate();
        Pod created = new PodBuilder().withNewMetadata().withName(name).withCreationTimestamp(Instant.now().toString())
                .withLabels(template.getMetadata().getLabels()).endMetadata()
                .withSpec(template.getSpec()).build();
        created.getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(pod.port);
        api.pods().inNamespace(namespace).resource(created).create();
        return pod;
    }

    /** Starts the training host with the template's environment ({@code secrets} resolves a secretKeyRef) and marks the pod Running once it is ready. */
    PlayedPod run(Job job, Map<String, String> secrets, Path hostJar) {
        ProcessBuilder builder = new ProcessBuilder(PackagedProcess.javaCommand("384m",
                List.of("-Dopsbridge.data-dir=" + log.getParent().resolve(name).toAbsolutePath()), hostJar));
        for (EnvVar env : job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            String value = env.getValue() != null ? env.getValue()
                    : secrets.get(env.getValueFrom().getSecretKeyRef().getName() + "/"
                            + env.getValueFrom().getSecretKeyRef().getKey());
            builder.environment().put(env.getName(), value);
        }
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = PackagedProcess.spawn(builder, port, log);
        process.awaitReadyOrExit(Duration.ofSeconds(90)); // a host that ended at once (bad input): exited() reports it
        if (process.alive()) {
            status(PodStates.running("127.0.0.1"));
        }
        // the kubelet: a host that exits by itself is reported Succeeded or Failed with its code
        process.process().onExit().thenAccept(p -> {
            if (!ended) {
                try {
                    status(PodStates.exited(p.exitValue(), p.exitValue() == 0 ? "Completed" : "Error", null));
                } catch (RuntimeException e) {
                    // the pod object is gone meanwhile
                }
            }
        });
        return this;
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits for the host to exit by itself (after its grace period) and records how: Succeeded or Failed with its code. */
    int exited(Duration within) throws InterruptedException {
        if (!process.process().waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("pod " + name + " did not exit within " + within + "; see " + log);
        }
        int code = process.process().exitValue();
        status(PodStates.exited(code, code == 0 ? "Completed" : "Error", null)); // as the kubelet does, at once
        return code;
    }

    /** An eviction: the host is stopped (SIGTERM: it writes no terminal record) and the pod marked Failed, DisruptionTarget. */
    void evict() throws InterruptedException {
        ended = true;
        process.stop(Duration.ofSeconds(30));
        status(PodStates.disrupted("EvictionByEvictionAPI"));
    }

    /** A crash of the host (SIGKILL: no terminal record) reported as a failed pod, exit code 137. */
    void crash() throws InterruptedException {
        ended = true;
        process.kill();
        status(PodStates.exited(137, "Error", "killed"));
    }

    /** Deletes the Pod object (its process stopped first, as the kubelet would). */
    void delete() {
        ended = true;
        close();
        api.pods().inNamespace(namespace).withName(name).delete();
    }

    void status(PodStatus status) {
        Pod pod = api.pods().inNamespace(namespace).withName(name).get();
        pod.setStatus(status);
        api.pods().inNamespace(namespace).resource(pod).updateStatus();
    }

    String logText() {
        return process == null ? "(no process)" : process.logText();
    }

    @Override
    public void close() {
        ended = true;
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
        }
    }
}
