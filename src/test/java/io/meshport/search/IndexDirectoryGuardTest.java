package io.meshport.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index Lucene cannot open is set aside before search starts; a readable one is left alone. */
class IndexDirectoryGuardTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void a_readable_index_is_left_where_it_is() throws IOException {
        Path index = writeIndex(root.resolve("data_product"));

        assertThat(IndexDirectoryGuard.setAsideUnreadable(root, CLOCK)).isEmpty();
        assertThat(index).isDirectory();
    }

    @Test
    void a_truncated_segment_file_makes_the_index_set_aside() throws IOException {
        Path index = writeIndex(root.resolve("data_product"));
        Path largest = largestFile(index);
        byte[] content = Files.readAllBytes(largest);
        Files.write(largest, java.util.Arrays.copyOf(content, content.length / 2));

        assertThat(IndexDirectoryGuard.setAsideUnreadable(root, CLOCK))
                .containsExactly(root.resolve("data_product.unreadable-20261122T080000"));
        assertThat(index).doesNotExist();
    }

    @Test
    void bytes_overwritten_inside_a_segment_are_caught_by_the_checksums() throws IOException {
        Path index = writeIndex(root.resolve("data_product"));
        Path largest = largestFile(index);
        byte[] content = Files.readAllBytes(largest);
        content[content.length / 2] ^= 0x5a;
        Files.write(largest, content);

        assertThat(IndexDirectoryGuard.setAsideUnreadable(root, CLOCK)).hasSize(1);
        assertThat(index).doesNotExist();
    }

    @Test
    void files_without_a_commit_point_are_set_aside() throws IOException {
        Path index = Files.createDirectories(root.resolve("data_product"));
        Files.writeString(index.resolve("segments_3"), "not a Lucene file");

        assertThat(IndexDirectoryGuard.setAsideUnreadable(root, CLOCK)).hasSize(1);
        assertThat(index).doesNotExist();
    }

    @Test
    void a_missing_or_empty_index_directory_is_nothing_to_recover() throws IOException {
        assertThat(IndexDirectoryGuard.setAsideUnreadable(root.resolve("absent"), CLOCK))
                .isEmpty();
        Path empty = Files.createDirectories(root.resolve("data_product"));

        assertThat(IndexDirectoryGuard.setAsideUnreadable(root, CLOCK)).isEmpty();
        assertThat(empty).isDirectory();
    }

    private static Path writeIndex(Path directory) throws IOException {
        try (FSDirectory fs = FSDirectory.open(directory);
                IndexWriter writer = new IndexWriter(fs, new IndexWriterConfig())) {
            for (int i = 0; i < 200; i++) {
                Document document = new Document();
                document.add(new TextField("name", "product number " + i + " of the demo catalog", Field.Store.YES));
                writer.addDocument(document);
            }
            writer.commit();
        }
        return directory;
    }

    private static Path largestFile(Path index) throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.max(Comparator.comparingLong(IndexDirectoryGuardTest::size))
                    .orElseThrow();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
