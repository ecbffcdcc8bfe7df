package dev.cairn.local.template;

import java.util.Optional;

/**
 * A function's {@code Api} event: one REST route.
 *
 * @param path with {@code {name}} placeholders, as API Gateway writes it
 * @param method upper-case HTTP method, or ANY
 * @param restApiLogicalId the {@code AWS::Serverless::Api} the route belongs to (empty: SAM's implicit API)
 */
public record ApiEventSource(String name, String path, String method, Optional<String> restApiLogicalId) {}
