/**
 * The training workload: from a {@link io.opsbridge.workloads.training.TrainingRequest} to a saved
 * direction model, reporting through a {@link io.opsbridge.workloads.training.TrainingProgressBridge}.
 *
 * <p>{@link io.opsbridge.workloads.training.TrainingOrchestrator} is the entry point; everything else
 * is one step of it (market data, features, the DJL trainer, the artifact). Plain Java, no CDI
 * annotations: the apps produce the beans.
 */
package io.opsbridge.workloads.training;
