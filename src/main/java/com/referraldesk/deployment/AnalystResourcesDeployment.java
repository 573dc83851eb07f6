package com.referraldesk.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/ and forms/ (camunda.bpm.deployment-resource-pattern) as one deployment named
 * "referral-desk", each resource named by its path in the project (processes/referral-journey.bpmn), so
 * Cockpit shows the names analysts know. Unchanged files make no new deployment; a changed one redeploys all,
 * which keeps the forms a process version binds to (formRefBinding="deployment") beside it.
 */
@Component
class AnalystResourcesDeployment extends DefaultDeploymentConfiguration {

  static final String DEPLOYMENT_NAME = "referral-desk";

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    super.preInit(configuration);
    configuration.setDeploymentName(DEPLOYMENT_NAME);
  }

  @Override
  public Set<Resource> getDeploymentResources() {
    return super.getDeploymentResources().stream()
        .map(resource -> new ProjectResource(projectPath(resource)))
        .collect(Collectors.toSet());
  }

  private static String projectPath(Resource resource) {
    try {
      String url = resource.getURL().toString();
      int folder = Math.max(url.lastIndexOf("/processes/"), url.lastIndexOf("/forms/"));
      if (folder < 0) {
        throw new IllegalStateException("deployment resource outside processes/ and forms/: " + url);
      }
      return url.substring(folder + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A classpath resource the engine names by its project path rather than by its absolute file name. */
  private static final class ProjectResource extends ClassPathResource implements ContextResource {

    ProjectResource(String path) {
      super(path);
    }

    @Override
    public String getPathWithinContext() {
      return getPath();
    }
  }
}
