package dev.cairn.samples.ported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The port is the rename: every {@code io.temporal} import of Temporal's hello samples and their
 * tests (listed in test resources) names a class, member or package of Cairn after
 * {@code s/io.temporal./dev.cairn./}, except those the porting guide lists as not supported, each
 * with what to use instead.
 */
class PortByRenamingImportsTest {

  /** Imports that do not resolve by design, and the word the porting guide explains them under. */
  private static final Map<String, String> NOT_SUPPORTED = Map.ofEntries(
      Map.entry("io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest", "DescribeWorkflowExecutionRequest"),
      Map.entry("io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse", "DescribeWorkflowExecutionRequest"),
      Map.entry("io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest", "ListClosedWorkflowExecutionsRequest"),
      Map.entry("io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse", "ListClosedWorkflowExecutionsRequest"),
      Map.entry("io.temporal.api.workflow.v1.WorkflowExecutionInfo", "WorkflowExecutionInfo"),
      Map.entry("io.temporal.api.filter.v1.WorkflowExecutionFilter", "WorkflowExecutionFilter"),
      Map.entry("io.temporal.api.common.v1.Payload", "api.common.v1.Payload"),
      Map.entry("io.temporal.api.common.v1.Payloads", "api.common.v1.Payload"),
      Map.entry("io.temporal.client.schedules.*", "ScheduleClient"),
      Map.entry("io.temporal.api.enums.v1.ScheduleOverlapPolicy", "ScheduleClient"),
      Map.entry("io.temporal.client.ActivityClient", "ActivityClient"),
      Map.entry("io.temporal.client.ActivityClientOptions", "ActivityClient"),
      Map.entry("io.temporal.client.StartActivityOptions", "ActivityClient"),
      Map.entry("io.temporal.client.UpdateHandle", "UpdateHandle"));

  @Test
  void renamedImports_shouldAllResolve_whenNotListedAsUnsupported() throws IOException {
    List<String> unresolved = new ArrayList<>();
    int checked = 0;
    for (String line : importsOfTemporalSamples()) {
      String name = line.replaceFirst("^import (static )?", "").replaceFirst(";$", "");
      if (NOT_SUPPORTED.containsKey(name)) {
        continue;
      }
      checked++;
      String renamed = name.replace("io.temporal.", "dev.cairn.");
      boolean ok = line.startsWith("import static ") ? resolvesStatic(renamed) : resolves(renamed);
      if (!ok) {
        unresolved.add(line + "  ->  " + renamed);
      }
    }
    assertTrue(checked > 60, "the list has the samples' imports, checked " + checked);
    assertEquals(List.of(), unresolved, "imports that do not resolve after the rename");
  }

  @Test
  void portingGuide_shouldExplainEachUnsupportedImport_whenItDoesNotResolve() throws IOException {
    String guide = Files.readString(repositoryRoot().resolve("docs/porting-from-temporal.md"));
    List<String> missing = NOT_SUPPORTED.values().stream().distinct().filter(word -> !guide.contains(word)).toList();
    assertEquals(List.of(), missing, "docs/porting-from-temporal.md must say what to use instead of these");
    for (String name : NOT_SUPPORTED.keySet()) {
      assertTrue(!resolves(name.replace("io.temporal.", "dev.cairn.")),
          name + " resolves now: take it off the unsupported list and the guide");
    }
  }

  private static List<String> importsOfTemporalSamples() throws IOException {
    try (InputStream in = PortByRenamingImportsTest.class.getResourceAsStream("/temporal-hello-samples-imports.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> l.startsWith("import ")).toList();
    }
  }

  /** A class (nested ones by their dotted name) or, for {@code pkg.*}, a package with classes. */
  private static boolean resolves(String name) {
    if (name.endsWith(".*")) {
      String pkg = name.substring(0, name.length() - 2);
      return loadClass(pkg) != null || PortByRenamingImportsTest.class.getClassLoader()
          .getResource(pkg.replace('.', '/')) != null;
    }
    return loadClass(name) != null;
  }

  /** {@code Class.member} where member is a static field, method or nested class, or {@code Class.*}. */
  private static boolean resolvesStatic(String name) {
    int dot = name.lastIndexOf('.');
    Class<?> owner = loadClass(name.substring(0, dot));
    String member = name.substring(dot + 1);
    if (owner == null) {
      return false;
    }
    if (member.equals("*")) {
      return true;
    }
    return Arrays.stream(owner.getFields()).map(Field::getName).anyMatch(member::equals)
        || Arrays.stream(owner.getMethods()).map(Method::getName).anyMatch(member::equals)
        || Arrays.stream(owner.getClasses()).map(Class::getSimpleName).anyMatch(member::equals);
  }

  /** Loads {@code a.b.C.D} as a.b.C$D when needed, as the compiler resolves nested classes. */
  private static Class<?> loadClass(String dotted) {
    String candidate = dotted;
    while (true) {
      try {
        return Class.forName(candidate, false, PortByRenamingImportsTest.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        int dot = candidate.lastIndexOf('.');
        if (dot < 0) {
          return null;
        }
        candidate = candidate.substring(0, dot) + '$' + candidate.substring(dot + 1);
        if (candidate.indexOf('.') < 0) {
          return null;
        }
      }
    }
  }

  private static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("docs/porting-from-temporal.md"))) {
        return p;
      }
    }
    throw new IllegalStateException("run inside the repository");
  }
}
