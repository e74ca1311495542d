package io.opsbridge.workloads.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import io.opsbridge.core.bridge.OperationCancelledException;
import java.nio.file.Files;
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

    /** The checkpoints of the training keyed {@code key} under this process's models directory. */
    public CheckpointPlan checkpointPlan(String key, int every, int keep) {
        return CheckpointPlan.under(settings.modelsDir(), key, every, keep);
    }

    /** Where a training keyed {@code key} run as a Kubernetes Job leaves its {@link TerminalRecord}. */
    public Path terminalRecordFile(String key) {
        return TerminalRecord.file(settings.modelsDir(), key);
    }

    /**
     * Trains and saves the model under {@code {modelsDir}/{strategy}/{operationId}/}, without checkpoints.
     *
     * @throws OperationCancelledException if the operation was cancelled meanwhile
     * @throws io.opsbridge.api.InvalidRequestException if the request is invalid
     * @throws MarketDataException if a data file is malformed or too short
     */
    public TrainingResult run(String operationId, TrainingRequest request, TrainingProgressBridge bridge) {
        return run(operationId, request, bridge, CheckpointPlan.none());
    }

    /**
     * Trains and saves the model under {@code {modelsDir}/{strategy}/{operationId}/}, leaving
     * checkpoints as {@code plan} says. Run again with the same plan (after a crash), it continues
     * after the newest checkpoint that loads and fits the data, and ends exactly where an
     * uninterrupted run ends; only the epochs it runs are reported. The checkpoints are removed
     * once the model is saved, and on cancel. A request without a seed leaves none: its resume could not be exact.
     *
     * @throws OperationCancelledException if the operation was cancelled meanwhile
     * @throws io.opsbridge.api.InvalidRequestException if the request is invalid
     * @throws MarketDataException if a data file is malformed or too short
     */
    public TrainingResult run(String operationId, TrainingRequest request, TrainingProgressBridge bridge,
            CheckpointPlan plan) {
        long start = System.nanoTime();
        TrainingRequest r = validator.validate(request);
        Path dir = ModelArtifact.directory(settings.modelsDir(), r.strategy(), operationId);
        LOG.infof("Training %s started: %s on %s at %s, %d epochs", operationId, r.strategy(), r.symbols(),
                r.timeframe(), r.epochs());
        List<FeatureSet> features = loadFeatures(r, bridge);
        CheckpointSession checkpoints = checkpoints(operationId, r, plan);
        if (checkpoints.startedOver()) {
            bridge.onStartedOver();
        }
        try {
            TrainValSplit raw = TrainValSplit.chronological(features, r.validationSplit());
            StandardScaler scaler = checkpoints.scaler(() -> StandardScaler.fit(raw.train().features()));
            TrainValSplit data = raw.scaled(scaler);
            bridge.onPhase(TrainingProgressBridge.PHASE_TRAINING, "Training on " + data.train().size()
                    + " samples, validating on " + data.val().size());
            List<Integer> layers = DirectionModel.layerSizes(data.train().featureCount(),
                    FeatureExtractor.LABEL_CLASSES.size());
            List<EpochMetrics> history;
            try (Model model = DirectionModel.newModel(layers)) {
                history = trainer.train(model, data, Hyperparameters.of(r), bridge, checkpoints);
                bridge.onPhase(TrainingProgressBridge.PHASE_SAVING, "Saving model " + r.strategy() + "/" + operationId);
                replaceEarlierAttempt(operationId, dir);
                artifact.save(dir, model, descriptor(operationId, r, layers, scaler, data, history));
            }
            TrainingResult result = new TrainingResult(dir, r.strategy(), operationId, history, data.train().size(),
                    data.val().size(), (System.nanoTime() - start) / 1_000_000, r.symbols(), r.timeframe());
            completeOrDiscard(bridge, result);
            checkpoints.discard();
            LOG.infof("Training %s completed in %d ms: val_accuracy %.3f, model %s", operationId,
                    result.durationMs(), result.finalEpoch().valAccuracy(), dir);
            return result;
        } catch (OperationCancelledException e) {
            checkpoints.discard(); // a cancelled operation never resumes
            throw e;
        }
    }

    private CheckpointSession checkpoints(String operationId, TrainingRequest r, CheckpointPlan plan) {
        if (!plan.enabled()) {
            return CheckpointSession.none(operationId);
        }
        if (r.seed() == null) {
            LOG.debugf("Training %s has no seed: no checkpoints, a resume could not be exact", operationId);
            return CheckpointSession.none(operationId);
        }
        return CheckpointSession.open(operationId, plan, fingerprint(r), r.epochs());
    }

    /** What a checkpoint of training {@code r} (with defaults applied) would be trained on, from the data files now. */
    public TrainingFingerprint fingerprint(TrainingRequest r) {
        List<Path> files = r.symbols().stream().map(symbol -> reader.file(symbol, r.timeframe())).toList();
        return TrainingFingerprint.of(files, r, extractor.flatThreshold());
    }

    /** A model of this operation already on disk was saved by an attempt that died before it completed. */
    private void replaceEarlierAttempt(String operationId, Path dir) {
        if (Files.exists(dir)) {
            LOG.warnf("Training %s: replacing the model an earlier attempt saved at %s", operationId, dir);
            artifact.delete(dir);
        }
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
