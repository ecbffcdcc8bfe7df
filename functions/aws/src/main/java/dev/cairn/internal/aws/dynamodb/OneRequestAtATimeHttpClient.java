package dev.cairn.internal.aws.dynamodb;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An HTTP client that lets one request at a time reach the server, for moto_server only: moto applies
 * a TransactWriteItems by snapshotting the whole table and restoring the snapshot when the transaction
 * fails, so a failed transaction running beside another request silently undoes that request's writes
 * (checked with moto 5.2.1). Real DynamoDB serializes transactions itself; never use this against it.
 */
public final class OneRequestAtATimeHttpClient implements SdkHttpClient {
  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock(true);
  private final SdkHttpClient delegate;

  public OneRequestAtATimeHttpClient(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    ExecutableHttpRequest prepared = delegate.prepareRequest(request);
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        // the server has applied the request once its response status is back
        ONE_AT_A_TIME.lock();
        try {
          HttpExecuteResponse response = prepared.call();
          response.httpResponse().statusCode();
          return response;
        } finally {
          ONE_AT_A_TIME.unlock();
        }
      }

      @Override
      public void abort() {
        prepared.abort();
      }
    };
  }

  @Override
  public String clientName() {
    return "OneRequestAtATime(" + delegate.clientName() + ")";
  }

  @Override
  public void close() {
    delegate.close();
  }
}
