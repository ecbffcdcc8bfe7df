package dev.cairn.testing;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parsed command line of {@link ReplayCommand}. */
record ReplayArguments(List<String> workers, List<Path> classpath, List<Path> paths, String from, int limit, Path saveTo,
    boolean help) {
  static final int DEFAULT_LIMIT = 100;

  /** @throws IllegalArgumentException with what is wrong, for the usage message */
  static ReplayArguments parse(List<String> args) {
    List<String> workers = new ArrayList<>();
    List<Path> classpath = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    String from = null;
    Path saveTo = null;
    int limit = DEFAULT_LIMIT;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "-h", "--help" -> {
          return new ReplayArguments(List.of(), List.of(), List.of(), null, limit, null, true);
        }
        case "--workers" -> {
          for (String w : value(args, ++i, arg).split(",")) {
            if (!w.isBlank()) {
              workers.add(w.trim());
            }
          }
        }
        case "--classpath", "-cp" -> {
          for (String p : value(args, ++i, arg).split(File.pathSeparator)) {
            if (!p.isBlank()) {
              classpath.add(Path.of(p));
            }
          }
        }
        case "--from" -> from = value(args, ++i, arg);
        case "--save" -> saveTo = Path.of(value(args, ++i, arg));
        case "--limit" -> {
          try {
            limit = Integer.parseInt(value(args, ++i, arg));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--limit takes a number");
          }
          if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
          }
        }
        default -> {
          if (arg.startsWith("-")) {
            throw new IllegalArgumentException("unknown option " + arg);
          }
          paths.add(Path.of(arg));
        }
      }
    }
    if (workers.isEmpty()) {
      throw new IllegalArgumentException("--workers names the class that registers your workflows");
    }
    if (from == null && paths.isEmpty()) {
      throw new IllegalArgumentException("name history files or directories, or --from URL");
    }
    if (from != null && !paths.isEmpty()) {
      throw new IllegalArgumentException("give either files or --from, not both");
    }
    if (saveTo != null && from == null) {
      throw new IllegalArgumentException("--save goes with --from");
    }
    return new ReplayArguments(List.copyOf(workers), List.copyOf(classpath), List.copyOf(paths), from, limit, saveTo, false);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  /** The workflow code's loader: the classpath entries first asked of {@code parent}, so Cairn's own classes are shared. */
  ClassLoader classLoader(ClassLoader parent) {
    if (classpath.isEmpty()) {
      return parent;
    }
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      Path p = classpath.get(i);
      if (!p.toFile().exists()) {
        throw new IllegalArgumentException("--classpath entry does not exist: " + p);
      }
      try {
        urls[i] = p.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--classpath entry " + p + ": " + e.getMessage(), e);
      }
    }
    return new URLClassLoader("cairn-replay", urls, parent);
  }
}
