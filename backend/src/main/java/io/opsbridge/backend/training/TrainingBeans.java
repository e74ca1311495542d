package io.opsbridge.backend.training;

import io.opsbridge.api.OperationType;
import io.opsbridge.backend.kubernetes.KubernetesTrainings;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.store.ModelRegistryStore;
import io.opsbridge.core.hosts.LocalWork;
import io.opsbridge.core.hosts.WorkEngine;
import io.opsbridge.core.hosts.WorkRouter;
import io.opsbridge.core.hosts.WorkRouters;
import io.opsbridge.core.hosts.WorkType;
import io.opsbridge.core.settings.Settings;
import io.opsbridge.workloads.training.TrainingJobs;
import io.opsbridge.workloads.training.TrainingOrchestrator;
import io.opsbridge.workloads.training.TrainingRequest;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the backend starts trainings: a local one checked against this process's data and queued on
 * its workers, a host one started on a training host at {@code POST /training/start} (told this
 * backend's operation id as its checkpoint key, and the checkpoint settings) or, with
 * {@code opsbridge.training.routing.engine=kubernetes}, run as a Kubernetes Job; either way
 * only for a strategy the backend knows or one the request says it creates ({@link KnownStrategies}).
 */
public class TrainingBeans {

    static final WorkType TRAINING = new WorkType("training", OperationType.TRAINING, "/training/start",
            TrainingRoutingConfig.class);

    @Produces
    @Singleton
    KnownStrategies strategies(ModelRegistryStore registry, ModelsConfig models) {
        return new KnownStrategies(() -> {
            Set<String> known = new TreeSet<>(registry.strategies());
            known.add(models.strategy());
            return known;
        });
    }

    @Produces
    @Singleton
    WorkRouter<TrainingRequest> trainings(WorkRouters routers, TrainingOrchestrator orchestrator, TrainingJobs jobs,
            KnownStrategies strategies, Settings settings, KubernetesTrainings kubernetes) {
        Optional<WorkEngine<TrainingRequest>> onKubernetes = Optional.of(kubernetes);
        return routers.router(TRAINING, new LocalWork<>(r -> strategies.check(orchestrator.validateParameters(r)),
                orchestrator::validate, jobs::submit), jobs::forHost,
                () -> "kubernetes".equals(settings.current().section(TrainingRoutingConfig.class).engine())
                        ? onKubernetes : Optional.empty());
    }
}
