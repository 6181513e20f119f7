# syntax=docker/dockerfile:1
# One image, two processes: the api (`node apps/api/src/main.ts`, which applies
# migrations at start) and the web app (`node apps/web/build/index.js`).

FROM node:24-bookworm-slim AS deps
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
# Manifests first, so dependency layers are reused while only source changes.
COPY package.json package-lock.json ./
COPY apps/admin/package.json apps/admin/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/auth/package.json packages/auth/
COPY packages/books/package.json packages/books/
COPY packages/bot/package.json packages/bot/
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/entries/package.json packages/entries/
COPY packages/graphql/package.json packages/graphql/
COPY packages/i18n/package.json packages/i18n/
COPY packages/jobs/package.json packages/jobs/
COPY packages/ledger/package.json packages/ledger/
COPY packages/log/package.json packages/log/
COPY packages/media/package.json packages/media/
COPY packages/parser/package.json packages/parser/
COPY packages/receipts/package.json packages/receipts/
COPY packages/reports/package.json packages/reports/
COPY packages/spending/package.json packages/spending/
COPY packages/transfer/package.json packages/transfer/
COPY packages/whatsapp/package.json packages/whatsapp/
# The postinstall step generates the Prisma client from the schema.
COPY prisma prisma
COPY prisma.config.ts ./
COPY packages/db/scripts packages/db/scripts
RUN npm ci

FROM deps AS build
COPY . .
RUN npx turbo run build --filter=@spendline/web && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000 4000
CMD ["node", "apps/api/src/main.ts"]
