import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One single-node OpenSearch cluster for the tests, in a JVM of its own (OpenSearch brings
 * Lucene 10, the portal Lucene 9). Run as a source-file program on the class path that the
 * build resolved from pom.xml beside this file:
 *
 * <pre>java -cp "$(cat classpath.txt)" OpenSearchNode.java HTTP_PORT TRANSPORT_PORT BASE_DIR</pre>
 *
 * Prints {@code OpenSearch node ready at http://127.0.0.1:HTTP_PORT} once the cluster is at
 * least yellow, and stops when its standard input closes: the test JVM holds the other end, so
 * a test JVM that dies, however it dies, never leaves a node behind.
 */
public final class OpenSearchNode {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: OpenSearchNode HTTP_PORT TRANSPORT_PORT BASE_DIR");
            System.exit(2);
        }
        String httpPort = args[0];
        String transportPort = args[1];
        Path base = Path.of(args[2]).toAbsolutePath();
        long started = System.nanoTime();
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> settings.put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                // A nearly full disk must not turn the test indexes read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", "false")
                .put("action.destructive_requires_name", "false"));
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(base.toString())
                .clusterName("meshport-test")
                .numOfNode(1)
                // Only what Hibernate Search and the portal's analysis use: HTTP, the common
                // analysis (word_delimiter_graph, edge_ngram, shingle, ...), the extra field
                // types, and reindex, which serves _delete_by_query: Hibernate Search's purge (a
                // workspace purge, the mass indexer's at start), as every real distribution has
                // it. The scripting modules alone take seconds to load.
                .moduleTypes(String.join(
                        ",",
                        "org.opensearch.transport.Netty4ModulePlugin",
                        "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
                        "org.opensearch.index.mapper.MapperExtrasModulePlugin",
                        "org.opensearch.index.reindex.ReindexModulePlugin"))
                .printOnFailure());
        runner.ensureYellow();
        System.out.printf(
                "OpenSearch node ready at http://127.0.0.1:%s in %d ms%n",
                httpPort, (System.nanoTime() - started) / 1_000_000);
        System.out.flush();
        awaitEndOfInput(System.in);
        runner.close();
        runner.clean();
        System.exit(0);
    }

    private static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // anything written is ignored; only the end of input counts
            }
        } catch (IOException closed) {
            // the other end is gone: stop as well
        }
    }
}
