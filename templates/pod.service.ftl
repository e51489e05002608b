<#-- pod-NAME.service for a pod made without an infra container (--infra=false). A pod with one runs its
     infra container as this unit instead (container.service.ftl). Names are validated before rendering. -->
# ${unitName}, made by vaina for pod ${id}
[Unit]
Description=vaina pod ${name} (no infra container)

[Service]
# Nothing runs here: the unit only groups the pod's members, which are bound to it and wanted by it.
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/true

[X-Pod]
Id=${id}
Name=${name}
