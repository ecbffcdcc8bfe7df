/** AWS adapters: the DynamoDB history store, SQS task queues and S3 payload offload. */
package dev.cairn.internal.aws;
