#!/bin/sh
# Lets the replica connect for streaming replication with the same password-checked user.
set -e
echo "host replication caravan all scram-sha-256" >> "$PGDATA/pg_hba.conf"
