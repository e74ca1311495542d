package io.opsbridge.workloads.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import io.opsbridge.core.bridge.OperationCancelledException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs one training from a request to a saved model, on the caller's thread: the one piece of code
 * that does so, shared by the backend (local mode) and the training host.
 *
 * <p>Phases, each announced on the bridge: {@code loading_data} → {@code features} →
 * {@code training} → {@code saving}. A cancel reaches the worker as the
 * {@link OperationCancelledException} of its next report and propagates out of {@link #run}; no
 * model directory is left behind then, and all native memory is freed on every path.
 *
 * <pre>{@code
 * TrainingRequest checked = orchestrator.validate(request);   // 400 on a bad field
 * runner.submit(info, new TrainingProgressBridge(),
 *         bridge -> orchestrator.run(info.operationId(), checked, bridge).toSummary());
 * }</pre>
 */
public class TrainingOrchestrator {

    private static final Logger LOG = Logger.getLogger(TrainingOrchestrator.class);

    private final TrainingSettings settings;
    private final OhlcvCsvReader reader;
    private final TrainingRequestValidator validator;
    private final FeatureExtractor extractor;
    private final MlpTrainer trainer;
    private final ModelArtifact artifact;

    public TrainingOrchestrator(TrainingSettings settings) {
        this.settings = settings;
        this.reader = new OhlcvCsvReader(settings.dataDir());
        this.validator = new TrainingRequestValidator(reader);
        this.extractor = new FeatureExtractor(settings.labelFlatThreshold());
        this.trainer = new MlpTrainer();
        this.artifact = new ModelArtifact();
    }

    /**
     * Checks a request against these settings (e.g. that its data files exist) before it is accepted.
     *
     * @return the request with defaults applied
     * @throws io.opsbridge.api.InvalidRequestException naming the wrong field
     */
    public TrainingRequest validate(TrainingRequest request) {
        return validator.validate(request);
    }

    /**
     * Checks a request's fields but not the data files, for a process that forwards it to a host.
     *
     * @return the request with defaults applied
     * @throws io.opsbridge.api.InvalidRequestException naming the wrong field
     */
    public TrainingRequest validateParameters(TrainingRequest request) {
        return validator.validateParameters(request);
    }

    /**
     * Trains and saves the model under {@code {modelsDir}/{strategy}/{operationId}/}.
     *
     * @throws OperationCancelledException if the operation was cancelled meanwhile
     * @throws io.opsbridge.api.InvalidRequestException if the request is invalid
     * @throws MarketDataException if a data file is malformed or too short
     */
    public TrainingResult run(String operationId, TrainingRequest request, TrainingProgressBridge bridge) {
        long start = System.nanoTime();
        TrainingRequest r = validator.validate(request);
        Path dir = ModelArtifact.directory(settings.modelsDir(), r.strategy(), operationId);
        LOG.infof("Training %s started: %s on %s at %s, %d epochs", operationId, r.strategy(), r.symbols(),
                r.timeframe(), r.epochs());
        TrainValSplit raw = TrainValSplit.chronological(loadFeatures(r, bridge), r.validationSplit());
        StandardScaler scaler = StandardScaler.fit(raw.train().features());
        TrainValSplit data = raw.scaled(scaler);
        bridge.onPhase(TrainingProgressBridge.PHASE_TRAINING, "Training on " + data.train().size()
                + " samples, validating on " + data.val().size());
        List<Integer> layers = DirectionModel.layerSizes(data.train().featureCount(),
                FeatureExtractor.LABEL_CLASSES.size());
        List<EpochMetrics> history;
        try (Model model = DirectionModel.newModel(layers)) {
            history = trainer.train(model, data, Hyperparameters.of(r), bridge);
            bridge.onPhase(TrainingProgressBridge.PHASE_SAVING, "Saving model " + r.strategy() + "/" + operationId);
            artifact.save(dir, model, descriptor(operationId, r, layers, scaler, data, history));
        }
        TrainingResult result = new TrainingResult(dir, r.strategy(), operationId, history, data.train().size(),
                data.val().size(), (System.nanoTime() - start) / 1_000_000, r.symbols(), r.timeframe());
        completeOrDiscard(bridge, result);
        LOG.infof("Training %s completed in %d ms: val_accuracy %.3f, model %s", operationId,
                result.durationMs(), result.finalEpoch().valAccuracy(), dir);
        return result;
    }

    private List<FeatureSet> loadFeatures(TrainingRequest r, TrainingProgressBridge bridge) {
        List<List<OhlcvBar>> barsPerSymbol = new ArrayList<>();
        int count = r.symbols().size();
        for (int i = 0; i < count; i++) {
            String symbol = r.symbols().get(i);
            bridge.onPhase(TrainingProgressBridge.PHASE_LOADING_DATA,
                    "Loading " + symbol + " " + r.timeframe() + " (" + (i + 1) + "/" + count + ")");
            barsPerSymbol.add(reader.read(symbol, r.timeframe()));
        }
        bridge.onPhase(TrainingProgressBridge.PHASE_FEATURES, "Computing features for " + count + " symbols");
        List<FeatureSet> features = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                features.add(extractor.extract(barsPerSymbol.get(i)));
            } catch (MarketDataException e) {
                throw new MarketDataException(r.symbols().get(i) + " " + r.timeframe() + ": " + e.getMessage(), e);
            }
        }
        return features;
    }

    /** Reports completion; a cancel that arrived during saving discards the saved model. */
    private void completeOrDiscard(TrainingProgressBridge bridge, TrainingResult result) {
        try {
            bridge.onCompleted(String.format(Locale.ROOT, "Training completed: val_accuracy %.3f",
                    result.finalEpoch().valAccuracy()));
        } catch (OperationCancelledException e) {
            artifact.delete(result.modelPath());
            throw e;
        }
    }

    private ModelDescriptor descriptor(String version, TrainingRequest r, List<Integer> layers, StandardScaler scaler,
            TrainValSplit data, List<EpochMetrics> history) {
        EpochMetrics last = history.get(history.size() - 1);
        Map<String, Object> finalMetrics = Map.of("train_loss", last.trainLoss(), "train_accuracy",
                last.trainAccuracy(), "val_loss", last.valLoss(), "val_accuracy", last.valAccuracy());
        return new ModelDescriptor(r.strategy(), version, DirectionModel.MODEL_NAME, layers,
                data.train().featureNames(), scaler.means(), scaler.stds(), FeatureExtractor.LABEL_CLASSES,
                extractor.flatThreshold(), Engine.getDjlVersion(), Engine.getEngine(DirectionModel.ENGINE).getVersion(),
                history.size(), finalMetrics, r.symbols(), r.timeframe(), data.train().size(), data.val().size(),
                Instant.now());
    }
}
