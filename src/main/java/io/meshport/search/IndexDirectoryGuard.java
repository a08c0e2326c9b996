package io.meshport.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves an unreadable Lucene index out of the way before Hibernate Search opens it. The database
 * is the source of truth: an index that cannot be opened (corrupt, truncated, written by an
 * incompatible Lucene) is set aside, Hibernate Search starts on an empty one, and {@link
 * SearchIndex} rebuilds it from PostgreSQL. The old directory is kept beside it for inspection.
 */
final class IndexDirectoryGuard {

    private static final Logger log = LoggerFactory.getLogger(IndexDirectoryGuard.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private IndexDirectoryGuard() {}

    /** Sets aside every index under {@code root} that Lucene cannot open; returns where they went. */
    static List<Path> setAsideUnreadable(Path root, Clock clock) {
        List<Path> setAside = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return setAside;
        }
        List<Path> indexes;
        try (Stream<Path> children = Files.list(root)) {
            indexes = children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().contains(".unreadable-"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("The search index directory " + root + " cannot be listed", e);
        }
        for (Path index : indexes) {
            String problem = problem(index);
            if (problem == null) {
                continue;
            }
            Path aside = index.resolveSibling(index.getFileName() + ".unreadable-"
                    + STAMP.format(clock.instant().atZone(clock.getZone())));
            try {
                Files.move(index, aside);
            } catch (IOException e) {
                throw new IllegalStateException(
                        "The search index " + index + " is unreadable (" + problem + ") and could not be moved"
                                + " aside; delete it, it is rebuilt from the database at start",
                        e);
            }
            log.warn(
                    "Search index {} is unreadable ({}); moved it to {} and rebuilding from the database",
                    index,
                    problem,
                    aside);
            setAside.add(aside);
        }
        return setAside;
    }

    /** Why the index cannot be opened, or null when it opens (or holds no index yet). */
    private static String problem(Path index) {
        try (FSDirectory directory = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(directory)) {
                return hasFiles(index) ? "files but no readable commit point" : null;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (var leaf : reader.leaves()) {
                    // Checks each segment file's header and footer, which is where truncation and
                    // overwritten files show; a full CheckIndex would read every byte.
                    leaf.reader().checkIntegrity();
                }
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static boolean hasFiles(Path index) {
        try (Stream<Path> files = Files.list(index)) {
            return files.anyMatch(file -> !file.getFileName().toString().equals("write.lock"));
        } catch (IOException e) {
            return true;
        }
    }
}
