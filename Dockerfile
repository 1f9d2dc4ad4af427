# The gate as a GitHub App's webhook server: `release-readiness serve` from the committed bundle,
# which holds every dependency. Settings come from the environment (see README, "Run it as a
# GitHub App"): APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, and GITHUB_API_URL for GHES.
FROM node:24-slim
WORKDIR /app
COPY dist/ ./dist/
ENV NODE_ENV=production \
    PORT=3000
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "require('node:http').get('http://127.0.0.1:' + process.env.PORT + '/healthz', (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"]
# SIGTERM (docker stop) lets the evaluations under way finish before the process exits.
ENTRYPOINT ["node", "dist/index.js", "serve"]
