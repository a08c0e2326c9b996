package io.meshport.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One real OpenSearch node for the tests (and benchmarks) of a JVM, started on first use and
 * shared by every test class, stopped when the JVM exits. It runs in a process of its own, on a
 * class path of its own: OpenSearch 3 brings Lucene 10 and Hibernate Search's Lucene backend
 * needs Lucene 9, so the two cannot share one class path. The build resolves that class path
 * from {@code src/test/opensearch/pom.xml} into {@code opensearch/classpath.txt} on the test
 * class path, beside the launcher {@code opensearch/OpenSearchNode.java}, which is run as a
 * source-file program. The node's standard input is held open by this JVM: when this JVM ends,
 * however it ends, the node sees its input close and stops (docs/decisions/0017).
 */
public final class TestOpenSearch {

    private static final Logger log = LoggerFactory.getLogger(TestOpenSearch.class);
    private static final String READY = "OpenSearch node ready at ";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private static Node node;

    /** A running node: its HTTP address, how long it took to start, and where it logs. */
    public record Node(String url, Duration startTime, Path log, Process process, OutputStream lifeline) {}

    private TestOpenSearch() {}

    /** The node's HTTP address ({@code http://127.0.0.1:port}), starting it on first use. */
    public static String url() {
        return running().url();
    }

    /** The node, started on first use (for the tests: the client compiler only, it starts faster). */
    public static synchronized Node running() {
        if (node == null) {
            node = start(List.of("-XX:TieredStopAtLevel=1"));
        }
        return node;
    }

    /**
     * The node, started on first use with the optimising compiler and {@code heap} of memory, as
     * a benchmark measures it. A node already started by the tests of this JVM is returned as it is.
     */
    public static synchronized Node runningForBenchmark(String heap) {
        if (node == null) {
            node = start(List.of("-Xms" + heap, "-Xmx" + heap));
        }
        return node;
    }

    private static Node start(List<String> jvmOptions) {
        try {
            Path home = home();
            List<String> classPath = Arrays.asList(
                    Files.readString(home.resolve("classpath.txt")).strip().split(java.io.File.pathSeparator));
            for (String entry : classPath) {
                if (!Files.exists(Path.of(entry))) {
                    throw new IllegalStateException("The test OpenSearch node's class path names " + entry
                            + ", which is not there: delete " + home.resolve("classpath.txt")
                            + " and build again (./mvnw test-compile resolves it)");
                }
            }
            int httpPort = freePort();
            int transportPort = freePort();
            Path base = Files.createTempDirectory("meshport-test-opensearch");
            Path logFile = Files.createTempFile("meshport-test-opensearch-", ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xms512m");
            command.add("-Xmx512m");
            command.addAll(jvmOptions);
            // Class data sharing: the second start onwards loads OpenSearch's classes from an
            // archive the first start wrote (here 5 s instead of 15 s on a busy machine).
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + home.resolve("node.jsa"));
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, classPath));
            command.add(home.resolve("OpenSearchNode.java").toString());
            command.add(String.valueOf(httpPort));
            command.add(String.valueOf(transportPort));
            command.add(base.toString());
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            OutputStream lifeline = process.getOutputStream();
            // Stopped once the portals of the JVM have closed (Spring closes them, then runs its
            // shutdown handlers), so that none is left waiting on a node that is going away.
            SpringApplication.getShutdownHandlers().add(() -> stop(process, lifeline));
            String url = awaitReady(process, logFile);
            Duration startTime = Duration.ofNanos(System.nanoTime() - started);
            log.info("Test OpenSearch node at {} started in {} ms (log: {})", url, startTime.toMillis(), logFile);
            return new Node(url, startTime, logFile, process, lifeline);
        } catch (IOException e) {
            throw new UncheckedIOException("The test OpenSearch node did not start", e);
        }
    }

    private static String awaitReady(Process process, Path logFile) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(logFile)) {
                int at = line.indexOf(READY);
                if (at >= 0) {
                    return line.substring(at + READY.length()).split(" ")[0];
                }
            }
            if (!process.isAlive()) {
                throw new IOException("The test OpenSearch node stopped during start-up:\n" + tail(logFile));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException("Interrupted while the test OpenSearch node started", e);
            }
        }
        process.destroyForcibly();
        throw new IOException("The test OpenSearch node did not start within " + START_TIMEOUT + ":\n" + tail(logFile));
    }

    /** Closing its input stops the node; it is killed when it has not stopped within 20 s. */
    private static void stop(Process process, OutputStream lifeline) {
        try {
            lifeline.close();
        } catch (IOException alreadyClosed) {
            // it stops all the same
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Where the build put the launcher and its class path: {@code opensearch/} on the test class path. */
    private static Path home() {
        URL launcher = TestOpenSearch.class.getResource("/opensearch/OpenSearchNode.java");
        URL classPath = TestOpenSearch.class.getResource("/opensearch/classpath.txt");
        if (launcher == null || classPath == null || !"file".equals(launcher.getProtocol())) {
            throw new IllegalStateException("The test OpenSearch node's launcher or class path is not on the test"
                    + " class path (opensearch/): build with ./mvnw test-compile first");
        }
        try {
            return Path.of(launcher.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
