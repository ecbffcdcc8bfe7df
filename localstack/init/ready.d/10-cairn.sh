#!/bin/sh
# Runs inside the LocalStack container once it is ready: the bucket samlocal uploads the jar to.
set -e
awslocal s3 mb s3://cairn-sam-artifacts 2>/dev/null || true
echo "cairn: LocalStack ready; deploy with the steps in localstack/README.md"
