package dev.cairn.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the repository's files: the repository root is the parent of the infra
 * module; shared/ (the schemas) lies beside the repository unless -Dcairn.shared says otherwise.
 */
public final class ProjectPaths {
    private ProjectPaths() {}

    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    }

    public static Path root() {
        return moduleDir().getParent();
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path shared() {
        String override = System.getProperty("cairn.shared");
        Path shared = override != null && !override.isBlank()
                ? Path.of(override).toAbsolutePath().normalize()
                : root().resolveSibling("shared");
        if (!Files.isDirectory(shared.resolve("schemas"))) {
            throw new IllegalStateException("no schemas under " + shared + " (set -Dcairn.shared=DIR)");
        }
        return shared;
    }
}
