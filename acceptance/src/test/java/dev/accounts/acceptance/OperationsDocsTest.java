package dev.accounts.acceptance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accounts.core.log.Metrics;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README leads to the set-up and operations docs, and those cover what an operator needs, by name. */
class OperationsDocsTest {
    private static final String README = Repository.read("README.md");
    private static final String OPERATIONS = Repository.read("docs/OPERATIONS.md");

    @Test
    void readmeLinksTheSetUpAndOperationsDocs() {
        assertTrue(README.contains("### Deploying from GitHub Actions"), "README section");
        assertTrue(README.contains("](docs/OPERATIONS.md)"), "README links docs/OPERATIONS.md");
        assertTrue(README.contains("](docs/github-deploy-role.yaml)"), "README links the deploy role's template");
        assertTrue(README.contains("](docs/OPERATIONS.md#deploying-from-github-actions)"), "README links the set-up steps");
    }

    @Test
    void everyRelativeLinkOfBothDocsResolves() {
        for (String[] doc : List.of(new String[] {"", README}, new String[] {"docs/", OPERATIONS})) {
            Matcher link = Pattern.compile("\\]\\(([^)#:]+)(#([^)]+))?\\)").matcher(doc[1]);
            while (link.find()) {
                String target = doc[0] + link.group(1);
                assertTrue(Files.exists(Repository.file(target)), "a link to " + target + " that does not exist");
                if (link.group(3) != null && target.endsWith(".md")) {
                    assertTrue(anchors(Repository.read(target)).contains(link.group(3)), "no heading #" + link.group(3) + " in " + target);
                }
            }
        }
    }

    @Test
    void operationsCoversTheRunbookTopics() {
        List<String> headings = headings(OPERATIONS);
        for (String topic : List.of("Deploying from GitHub Actions", "One-time set-up", "Deploying the first time",
                "Rotating the signing key", "Restoring the users table from point-in-time recovery", "Logs", "Metrics",
                "Reading the dashboard", "Alarms", "Handling a reuse-detection spike")) {
            assertTrue(headings.contains(topic), "docs/OPERATIONS.md has no section " + topic + ": " + headings);
        }
        for (Metrics.Count count : Metrics.Count.values()) {
            assertTrue(OPERATIONS.contains("`" + count.metricName() + "`"), "the metric " + count.metricName() + " is not explained");
        }
        for (String variable : List.of("AWS_DEPLOY_ROLE_ARN", "AWS_REGION")) {
            assertTrue(OPERATIONS.contains(variable), "the repository variable " + variable);
        }
    }

    private static List<String> headings(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", "")).toList();
    }

    /** GitHub's anchors: lower case, spaces to hyphens, punctuation dropped. */
    private static List<String> anchors(String markdown) {
        return headings(markdown).stream()
                .map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .toList();
    }
}
