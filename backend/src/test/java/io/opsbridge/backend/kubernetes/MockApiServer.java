package io.opsbridge.backend.kubernetes;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.HashMap;
import java.util.function.Consumer;

/** fabric8's offline API server in CRUD mode on a free loopback port (plain HTTP), and a client of it. */
public final class MockApiServer implements AutoCloseable {

    private volatile Consumer<String> onDelete = path -> { };
    private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(),
            new HashMap<>(), new KubernetesCrudDispatcher() {
                @Override
                public MockResponse handleDelete(String path) {
                    onDelete.accept(path); // before the object goes: the test sees the world as the delete found it
                    return super.handleDelete(path);
                }
            }, false);
    private final NamespacedKubernetesClient client;

    public MockApiServer() {
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    /** Calls {@code hook} with the path of every DELETE, before the server deletes anything. */
    public void onDelete(Consumer<String> hook) {
        this.onDelete = hook;
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
