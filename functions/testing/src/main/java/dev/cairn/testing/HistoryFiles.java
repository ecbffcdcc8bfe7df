package dev.cairn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Saved history files: each path a {@code .json} file, or a directory searched for them, in name order. */
final class HistoryFiles {
  private HistoryFiles() {}

  /** @throws IllegalArgumentException when a path does not exist or a directory holds no history file */
  static List<SavedHistory> read(List<Path> paths) {
    List<SavedHistory> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> files = jsonFilesUnder(p);
        if (files.isEmpty()) {
          throw new IllegalArgumentException("no .json history file under " + p);
        }
        files.forEach(f -> out.add(read(f)));
      } else if (Files.isRegularFile(p)) {
        out.add(read(p));
      } else {
        throw new IllegalArgumentException("no such file or directory: " + p);
      }
    }
    return out;
  }

  private static List<Path> jsonFilesUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static SavedHistory read(Path file) {
    try {
      String name = file.getFileName().toString();
      // The file's name stands for the workflow id: saved histories do not carry it.
      return new SavedHistory(file.toString(), name.substring(0, name.length() - ".json".length()), null,
          Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes each history to {@code dir/<workflowId>_<runId>.json} (names made safe for a file system). */
  static void save(List<SavedHistory> histories, Path dir) {
    try {
      Files.createDirectories(dir);
      for (SavedHistory h : histories) {
        Files.writeString(dir.resolve(h.fileName()), h.json());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save histories to " + dir, e);
    }
  }
}
