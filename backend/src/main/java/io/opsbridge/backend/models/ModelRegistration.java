package io.opsbridge.backend.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsbridge.backend.training.CompletedTrainingHook;
import io.opsbridge.workloads.training.TrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Registers every completed training's model as the strategy's next {@code inactive} version and,
 * with {@code auto_activate} (or {@code opsbridge.models.auto-activate}), activates it.
 *
 * <p>It adds to the training's result summary: {@code registry_version} (e.g. {@code v3}),
 * {@code activated}, and {@code activation_error} when activation was asked for and failed (the
 * training still completes then; the model stays registered as {@code failed}). A failure to
 * register fails the training: a model nobody can find is not a completed training.
 */
@ApplicationScoped
public class ModelRegistration implements CompletedTrainingHook {

    private static final Logger LOG = Logger.getLogger(ModelRegistration.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final ModelRegistry registry;
    private final ArtifactSource artifacts;
    private final ModelsConfig config;
    private final ObjectMapper json;

    public ModelRegistration(ModelRegistry registry, ArtifactSource artifacts, ModelsConfig config, ObjectMapper json) {
        this.registry = registry;
        this.artifacts = artifacts;
        this.config = config;
        this.json = json;
    }

    @Override
    public Map<String, Object> completed(String operationId, TrainingRequest request, Map<String, Object> summary) {
        String strategy = (String) summary.get("strategy");
        Path dir = artifacts.localize(strategy, (String) summary.get("model_version"), (String) summary.get("model_path"));
        ModelVersion registered = registry.store().register(new NewModelVersion(strategy, dir.toString(),
                performance(summary), json.convertValue(request, MAP), operationId));
        LOG.infof("training %s registered as model %s", operationId, registered.label());

        Map<String, Object> result = new LinkedHashMap<>(summary);
        result.put("registry_version", registered.version());
        boolean activate = request.autoActivate() != null ? request.autoActivate() : config.autoActivate();
        result.put("activated", false);
        if (activate) {
            try {
                registry.activate(strategy, registered.version());
                result.put("activated", true);
            } catch (RuntimeException e) {
                LOG.errorf(e, "auto-activation of %s failed", registered.label());
                result.put("activation_error", e.getMessage());
            }
        }
        return result;
    }

    private static Map<String, Object> performance(Map<String, Object> summary) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", summary.get("final_train_loss"));
        metrics.put("train_accuracy", summary.get("final_train_accuracy"));
        metrics.put("val_loss", summary.get("final_val_loss"));
        metrics.put("val_accuracy", summary.get("final_val_accuracy"));
        metrics.put("epochs", summary.get("epochs_completed"));
        metrics.put("samples_train", summary.get("samples_train"));
        metrics.put("samples_val", summary.get("samples_val"));
        return metrics;
    }
}
