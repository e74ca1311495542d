package io.opsbridge.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs {@link ContractCheck} before any test class runs. Registered for every test class through
 * JUnit's extension auto-detection ({@code META-INF/services}, switched on in the parent POM).
 */
public class ContractCheckExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ContractCheck.install();
    }
}
