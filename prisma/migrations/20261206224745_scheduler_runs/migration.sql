-- CreateTable
CREATE TABLE "scheduler_runs" (
    "job" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "done" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "error" TEXT,

    CONSTRAINT "scheduler_runs_pkey" PRIMARY KEY ("job")
);
