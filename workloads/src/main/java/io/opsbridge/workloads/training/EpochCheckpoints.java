package io.opsbridge.workloads.training;

/**
 * Where an {@link MlpTrainer} run starts from and leaves its state between epochs.
 * {@link #NONE} starts at epoch 1 and keeps nothing.
 */
interface EpochCheckpoints {

    EpochCheckpoints NONE = new EpochCheckpoints() {
        @Override
        public TrainerState resumePoint() {
            return null;
        }

        @Override
        public boolean due(int epoch) {
            return false;
        }

        @Override
        public void save(TrainerState state) {
            throw new IllegalStateException("no checkpoints are kept");
        }
    };

    /** The state to continue from, or {@code null} to start at epoch 1. */
    TrainerState resumePoint();

    /** Whether the state after {@code epoch} is saved. */
    boolean due(int epoch);

    void save(TrainerState state);
}
