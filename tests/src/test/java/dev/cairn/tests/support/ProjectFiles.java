package dev.cairn.tests.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the tests need: the SAM template, the shaded Lambda jar. */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The repository root: the nearest directory up from the working directory with template.yaml. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
  }

  public static Path template() {
    return root().resolve("template.yaml");
  }

  public static Path lambdaJar() {
    return root().resolve("functions/lambda/target/cairn-lambda.jar");
  }
}
