package bench.runner;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The e-mails Referral Desk wrote into its outbox folder, counted by their X-Notification-Key header. */
final class Outbox {

  private final Path folder;
  private final Set<Path> seen = new HashSet<>();
  private final Map<String, Integer> keys = new HashMap<>();

  Outbox(Path folder) {
    this.folder = folder;
  }

  /** Reads the headers of the files written since the last scan. */
  void scan() throws Exception {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".eml"))::iterator) {
        if (!seen.contains(file)) {
          // A file still being written has no key yet: it is read again on the next scan.
          String key = key(file);
          if (key != null) {
            seen.add(file);
            keys.merge(key, 1, Integer::sum);
          }
        }
      }
    }
  }

  /** The file's key, or null while its headers are not yet written to their end (the blank line after them). */
  private static String key(Path file) throws Exception {
    String key = null;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty()) {
          return key;
        }
        if (line.startsWith("X-Notification-Key:")) {
          key = line.substring("X-Notification-Key:".length()).trim();
        }
      }
    }
    return null;
  }

  int count(String key) {
    return keys.getOrDefault(key, 0);
  }

  int total() {
    return seen.size();
  }

  long duplicates() {
    return keys.values().stream().filter(n -> n > 1).count();
  }
}
