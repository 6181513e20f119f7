#!/bin/sh
# Stands in for Prisma's native schema engine where it cannot be downloaded.
echo "Prisma's native schema engine is not installed here. Run migrations with 'npm run db:migrate' and create them with 'npm run db:migration:new NAME' (they use Prisma's WASM engine)." >&2
exit 1
