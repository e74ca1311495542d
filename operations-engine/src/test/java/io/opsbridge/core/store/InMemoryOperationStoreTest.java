package io.opsbridge.core.store;

/** The store contract on the process-local store (hosts and unit tests use it). */
class InMemoryOperationStoreTest extends OperationStoreContract {

    private final IdempotencyKeyStore keyStore = new InMemoryIdempotencyKeyStore();

    @Override
    protected OperationStore emptyStore() {
        return new InMemoryOperationStore();
    }

    @Override
    protected IdempotencyKeyStore keyStore() {
        return keyStore;
    }
}
