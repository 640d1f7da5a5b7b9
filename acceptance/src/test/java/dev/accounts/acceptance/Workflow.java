package dev.accounts.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A GitHub Actions workflow of .github/workflows/, as text and as a tree. */
final class Workflow {
    static final String DIRECTORY = ".github/workflows/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String file;
    final String text;
    final JsonNode root;

    private Workflow(String file, String text) {
        this.file = file;
        this.text = text;
        try {
            this.root = YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML", e);
        }
    }

    static Workflow load(String fileName) {
        return new Workflow(fileName, Repository.read(DIRECTORY + fileName));
    }

    /** The events that start it: push, pull_request, workflow_dispatch, workflow_call... */
    JsonNode triggers() {
        return root.path("on");
    }

    /** Job id → job, in file order. */
    Map<String, JsonNode> jobs() {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        root.path("jobs").properties().forEach(e -> jobs.put(e.getKey(), e.getValue()));
        return jobs;
    }

    JsonNode job(String id) {
        JsonNode job = root.path("jobs").path(id);
        if (job.isMissingNode()) {
            throw new AssertionError(file + " has no job " + id);
        }
        return job;
    }

    /** The job's steps in order. */
    List<JsonNode> steps(String jobId) {
        List<JsonNode> steps = new ArrayList<>();
        job(jobId).path("steps").forEach(steps::add);
        return steps;
    }

    /** The shell commands of the job's `run` steps, in order. */
    List<String> commands(String jobId) {
        return steps(jobId).stream().filter(s -> s.has("run")).map(s -> s.path("run").asText()).toList();
    }

    /** The first step of the job that uses the action (owner/name, any version); it must be there. */
    JsonNode step(String jobId, String action) {
        return steps(jobId).stream()
                .filter(s -> s.path("uses").asText().startsWith(action + "@"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + " job " + jobId + " does not use " + action));
    }

    /** Every `uses:` of the file: of steps and of jobs calling a reusable workflow. */
    List<String> actionsUsed() {
        List<String> used = new ArrayList<>();
        jobs().forEach((id, job) -> {
            if (job.has("uses")) {
                used.add(job.path("uses").asText());
            }
            job.path("steps").forEach(step -> {
                if (step.has("uses")) {
                    used.add(step.path("uses").asText());
                }
            });
        });
        return used;
    }

    /** The job's permissions, or else the workflow's: a scope → access map. */
    Map<String, String> permissions(String jobId) {
        JsonNode own = job(jobId).path("permissions");
        return asMap(own.isMissingNode() ? root.path("permissions") : own);
    }

    static Map<String, String> asMap(JsonNode permissions) {
        Map<String, String> map = new LinkedHashMap<>();
        permissions.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
