package io.opsbridge.backend.models.registry;

import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationMetadata;
import io.opsbridge.api.OperationType;
import io.opsbridge.backend.models.ArtifactSource;
import io.opsbridge.backend.models.ModelVersion;
import io.opsbridge.backend.models.ModelsConfig;
import io.opsbridge.backend.models.NewModelVersion;
import io.opsbridge.core.lifecycle.CompletionHook;
import io.opsbridge.core.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Registers every completed training's model, local or host-run, as the strategy's next
 * {@code inactive} version and, with {@code auto_activate} (or {@code opsbridge.models.auto-activate}),
 * activates it. The training's request is read from the record it started with
 * ({@code metadata.symbols}, {@code timeframe}, {@code mode} and {@code parameters}).
 *
 * <p>It adds to the training's result summary: {@code registry_version} (e.g. {@code v3}),
 * {@code activated}, and {@code activation_error} when activation was asked for and failed (the
 * training still completes then; the model stays registered as {@code failed}). A failure to
 * register fails a local training (a model nobody can find is not a completed training); a host
 * training still completes, with {@code completion_error} (the host's job did succeed).
 */
@ApplicationScoped
public class ModelRegistration implements CompletionHook {

    private static final Logger LOG = Logger.getLogger(ModelRegistration.class);

    private final ModelRegistry registry;
    private final ArtifactSource artifacts;
    private final Settings settings;

    public ModelRegistration(ModelRegistry registry, ArtifactSource artifacts, Settings settings) {
        this.registry = registry;
        this.artifacts = artifacts;
        this.settings = settings;
    }

    @Override
    public OperationType type() {
        return OperationType.TRAINING;
    }

    @Override
    public Map<String, Object> completed(OperationInfo record, Map<String, Object> summary) {
        String operationId = record.operationId();
        if (summary.get("model_path") == null) {
            LOG.debugf("training %s completed without a model artifact: nothing to register", operationId);
            return summary;
        }
        String strategy = (String) summary.get("strategy");
        Path dir = artifacts.localize(strategy, (String) summary.get("model_version"), (String) summary.get("model_path"));
        Map<String, Object> request = request(record.metadata());
        ModelVersion registered = registry.store().register(new NewModelVersion(strategy, dir.toString(),
                performance(summary), request, operationId));
        LOG.infof("training %s registered as model %s", operationId, registered.label());

        Map<String, Object> result = new LinkedHashMap<>(summary);
        result.put("registry_version", registered.version());
        boolean activate = request.get("auto_activate") instanceof Boolean asked ? asked
                : settings.current().section(ModelsConfig.class).autoActivate();
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

    /** The training request as it was started: what the record's metadata holds, in the request's wire names. */
    private static Map<String, Object> request(OperationMetadata m) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("symbols", m.symbols());
        request.put("timeframe", m.timeframe());
        request.put("mode", m.mode());
        if (m.parameters() != null) {
            request.putAll(m.parameters());
        }
        return request;
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
