package dev.accounts.devkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack through Testcontainers. Kept apart from {@link DynamoEndpoints} so that a program that never
 * asks for Docker (the local API) runs without Testcontainers on its class path.
 */
final class LocalStackEngine {

    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.9");

    private LocalStackEngine() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDockerOrNoTestcontainers) {
            return false; // NoClassDefFoundError included: Testcontainers left off the class path
        }
    }

    static LocalEngine start() {
        LocalStackContainer container = new LocalStackContainer(IMAGE).withServices("dynamodb", "secretsmanager", "ses");
        container.start();
        String endpoint = container.getEndpoint().toString();
        return new LocalEngine(LocalEngine.Kind.LOCALSTACK, endpoint, endpoint, container::stop);
    }
}
