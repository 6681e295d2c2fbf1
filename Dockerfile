# One image for the gateway and every subgraph; docker-compose.yml picks the entry point.
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
# The privacy officer's console and the families' app, which the gateway serves at /privacy and /familj (npm ci
# built them only where their sources were).
RUN npm run console:build && npm run family:build
ENV HOST=0.0.0.0
# Where the SIP core keeps its audit anchors: a volume of its own (docker-compose.yml).
RUN mkdir /anchors && chown node /anchors
USER node
# Only the gateway is published (docker-compose.yml); the subgraphs and stand-ins talk inside its network.
EXPOSE 4000
CMD ["node", "--import", "tsx", "gateway/index.ts"]
