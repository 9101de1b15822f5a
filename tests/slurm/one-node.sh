#!/usr/bin/env bash
# Start (up) or stop (down) a one-node Slurm cluster on localhost for the scan's Slurm test (SlurmScanTests):
# Debian's slurm-wlm 22.05 + munge, no systemd, no cgroups, all state under $D.
#   eval "$(D=/tmp/x tests/slurm/one-node.sh up)"   # prints `export SLURM_CONF=...`
#   D=/tmp/x tests/slurm/one-node.sh down           # stops the daemons it started, by PID
# Needs root and the packages slurmctld slurmd slurm-client munge (.ci/run installs them); it installs nothing itself.
set -euo pipefail
D=${D:?set D to a fresh folder for the cluster state}
case "${1:-up}" in
down)
  for f in slurmd.pid slurmctld.pid munge/munged.pid; do
    [ -s "$D/$f" ] && kill "$(cat "$D/$f")" 2>/dev/null || true
  done
  exit 0 ;;
up) ;;
*) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
for tool in slurmctld slurmd sbatch squeue munged; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || {
    echo "slurm is not installed ($tool missing): apt-get install slurmctld slurmd slurm-client munge (bash .ci/run does it as root)" >&2; exit 3; }
done
[ "$(id -u)" = 0 ] || { echo "the one-node cluster runs its daemons as root; run as root" >&2; exit 3; }
H=$(hostname -s)
mkdir -p "$D"/{munge,state,spool,log}
chown munge:munge "$D/munge"; chmod 711 "$D/munge"     # munged needs o+x on its socket folder
CPUS=$(nproc); MEM=$(( $(slurmd -C | grep -oP 'RealMemory=\K[0-9]+') * 9 / 10 ))
cat > "$D/slurm.conf" <<CONF
ClusterName=fatest
SlurmctldHost=$H
AuthType=auth/munge
AuthInfo=socket=$D/munge/munge.socket.2
CredType=cred/munge
SlurmUser=root
StateSaveLocation=$D/state
SlurmdSpoolDir=$D/spool
SlurmctldPidFile=$D/slurmctld.pid
SlurmdPidFile=$D/slurmd.pid
SlurmctldLogFile=$D/log/slurmctld.log
SlurmdLogFile=$D/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=$H CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=debug Nodes=$H Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$D/slurm.conf
runuser -u munge -- /usr/sbin/munged --socket="$D/munge/munge.socket.2" --pid-file="$D/munge/munged.pid" \
  --log-file="$D/munge/munged.log" --seed-file="$D/munge/munged.seed"
/usr/sbin/slurmctld -f "$SLURM_CONF"
/usr/sbin/slurmd -f "$SLURM_CONF"
for _ in $(seq 1 60); do sinfo -h -o %T 2>/dev/null | grep -qx idle && break; sleep 0.5; done
sinfo -h -o %T | grep -qx idle || { echo "slurm did not come up" >&2; tail "$D"/log/*.log >&2; exit 1; }
echo "export SLURM_CONF=$SLURM_CONF"
