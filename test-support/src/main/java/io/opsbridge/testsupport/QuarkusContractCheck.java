package io.opsbridge.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Installs {@link ContractCheck} in the class loader a {@code @QuarkusTest} runs in, which has its
 * own copy of REST Assured. Found by Quarkus through {@code META-INF/services}.
 */
public class QuarkusContractCheck implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContractCheck.install();
    }
}
