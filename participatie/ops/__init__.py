"""Operations: command line, jobs tick, mail outbox sender, backup and restore, bench seeding."""
