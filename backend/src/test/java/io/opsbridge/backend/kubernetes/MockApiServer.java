package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;

/** fabric8's offline API server in CRUD mode on a free loopback port (plain HTTP), and a client of it. */
public final class MockApiServer implements AutoCloseable {

    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new KubernetesCrudDispatcher(), false);
    private final NamespacedKubernetesClient client;

    public MockApiServer() {
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    /** The server's URL, e.g. {@code http://127.0.0.1:40123/}, for quarkus.kubernetes-client.api-server-url. */
    public String url() {
        return client.getMasterUrl().toString();
    }

    public NamespacedKubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
