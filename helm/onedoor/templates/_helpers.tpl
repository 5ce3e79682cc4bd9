{{/* vim: set filetype=mustache: */}}

{{/* Chart name, overridable with nameOverride. */}}
{{- define "onedoor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name, at most 63 characters (DNS label). Suffixes such as
"-workers" or "-migrate" are appended to it, so it is cut to 52 characters.
*/}}
{{- define "onedoor.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* chart label value: name-version */}}
{{- define "onedoor.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Image tag: the tag value, else the chart's appVersion. */}}
{{- define "onedoor.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{/* Full image reference; a digest wins over the tag. */}}
{{- define "onedoor.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "onedoor.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
Selector labels. Call with (dict "ctx" $ "component" "api").
These are immutable on Deployments: never add version labels here.
*/}}
{{- define "onedoor.selectorLabels" -}}
app.kubernetes.io/name: {{ include "onedoor.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end }}

{{/* Common labels. Call with (dict "ctx" $ "component" "api"); component may be empty. */}}
{{- define "onedoor.labels" -}}
helm.sh/chart: {{ include "onedoor.chart" .ctx }}
{{ include "onedoor.selectorLabels" . }}
app.kubernetes.io/version: {{ include "onedoor.imageTag" .ctx | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: onedoor
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* ServiceAccount used by api and workers. */}}
{{- define "onedoor.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "onedoor.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* Whether the chart creates a hook ServiceAccount for the migration Job. */}}
{{- define "onedoor.migrate.createServiceAccount" -}}
{{- if and .Values.migrations.enabled .Values.serviceAccount.create (not .Values.migrations.serviceAccountName) }}true{{ end }}
{{- end }}

{{/* ServiceAccount used by the migration Job (see migrations.serviceAccountName). */}}
{{- define "onedoor.migrate.serviceAccountName" -}}
{{- if .Values.migrations.serviceAccountName }}
{{- .Values.migrations.serviceAccountName }}
{{- else if .Values.serviceAccount.create }}
{{- printf "%s-migrate" (include "onedoor.fullname" .) }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Non-secret settings as "KEY: value" YAML, shared by the ConfigMap (api, workers) and the
migration Job (which runs before the ConfigMap exists on first install).
*/}}
{{- define "onedoor.configData" -}}
NODE_ENV: "production"
PORT: {{ .Values.api.port | quote }}
LOG_LEVEL: {{ .Values.config.logLevel | quote }}
{{- with .Values.config.publicUrl }}
PUBLIC_URL: {{ . | quote }}
{{- end }}
SHUTDOWN_GRACE_SECONDS: {{ .Values.config.shutdownGraceSeconds | quote }}
KEYCLOAK_REALM_URL: {{ .Values.keycloak.realmUrl | quote }}
KEYCLOAK_CLIENT_ID: {{ .Values.keycloak.clientId | quote }}
AUTH_TENANT_CLAIM: {{ .Values.keycloak.tenantClaim | quote }}
{{- with .Values.keycloak.consoleClientId }}
CONSOLE_OIDC_CLIENT_ID: {{ . | quote }}
{{- end }}
DATABASE_POOL_MAX: {{ .Values.database.poolMax | quote }}
DATABASE_STATEMENT_TIMEOUT_MS: {{ .Values.database.timeouts.statementMs | quote }}
DATABASE_LOCK_TIMEOUT_MS: {{ .Values.database.timeouts.lockMs | quote }}
DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: {{ .Values.database.timeouts.idleInTransactionMs | quote }}
DATABASE_ACQUIRE_TIMEOUT_MS: {{ .Values.database.timeouts.acquireMs | quote }}
REDIS_PREFIX: {{ .Values.redis.prefix | quote }}
{{- range $k, $v := .Values.config.extra }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end }}

{{/*
Resident settings (docs/resident.md), for the api and workers only: the migration Job neither
needs them nor gets the resident Secret, and config refuses SMS_PROVIDER without its keys.
*/}}
{{- define "onedoor.residentConfigData" -}}
{{- with .Values.resident.pageUrl }}
RESIDENT_PAGE_URL: {{ . | quote }}
{{- end }}
{{- if .Values.resident.smsProvider }}
SMS_PROVIDER: {{ .Values.resident.smsProvider | quote }}
ALIYUN_SMS_SIGN_NAME: {{ .Values.resident.aliyun.signName | quote }}
ALIYUN_SMS_TEMPLATE_CODE: {{ .Values.resident.aliyun.templateCode | quote }}
ALIYUN_SMS_TEMPLATE_BOOKING: {{ .Values.resident.aliyun.templateBooking | quote }}
ALIYUN_SMS_ENDPOINT: {{ .Values.resident.aliyun.endpoint | quote }}
{{- end }}
{{- end }}

{{/* True (non-empty) when the chart must create the app Secret (DATABASE_URL and/or REDIS_URL). */}}
{{- define "onedoor.createSecret" -}}
{{- if or (not .Values.database.existingSecret.name) (not .Values.redis.existingSecret.name) }}true{{ end }}
{{- end }}

{{/* True when the chart must create the migration hook Secret. */}}
{{- define "onedoor.migrate.createSecret" -}}
{{- if and .Values.migrations.enabled (or (include "onedoor.createSecret" .) (not .Values.database.owner.existingSecret.name)) }}true{{ end }}
{{- end }}

{{/*
A secret-backed env var. Call with (dict "env" "DATABASE_URL" "ref" <existingSecret values> "fallback" <chart Secret name>).
*/}}
{{- define "onedoor.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      {{- if .ref.name }}
      name: {{ .ref.name }}
      key: {{ .ref.key }}
      {{- else }}
      name: {{ .fallback }}
      key: {{ .env }}
      {{- end }}
{{- end }}

{{/* DATABASE_URL and REDIS_URL for api and workers (from the release Secret or existing ones). */}}
{{- define "onedoor.appSecretEnv" -}}
{{ include "onedoor.secretEnv" (dict "env" "DATABASE_URL" "ref" .Values.database.existingSecret "fallback" (include "onedoor.fullname" .)) }}
{{ include "onedoor.secretEnv" (dict "env" "REDIS_URL" "ref" .Values.redis.existingSecret "fallback" (include "onedoor.fullname" .)) }}
{{- end }}

{{/* Pod volumes shared by every pod: the writable /tmp. */}}
{{- define "onedoor.tmpVolume" -}}
- name: tmp
  emptyDir:
    {{- with .Values.tmpVolume.medium }}
    medium: {{ . }}
    {{- end }}
    {{- with .Values.tmpVolume.sizeLimit }}
    sizeLimit: {{ . }}
    {{- end }}
{{- end }}

{{- define "onedoor.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/*
Topology spread constraints; a constraint without labelSelector gets the component's
selector labels. Call with (dict "ctx" $ "component" "api" "constraints" <list>).
*/}}
{{- define "onedoor.topologySpreadConstraints" -}}
{{- $ctx := .ctx }}
{{- $component := .component }}
{{- range .constraints }}
{{- $c := deepCopy . }}
{{- if not (hasKey $c "labelSelector") }}
{{- $_ := set $c "labelSelector" (dict "matchLabels" (include "onedoor.selectorLabels" (dict "ctx" $ctx "component" $component) | fromYaml)) }}
{{- end }}
- {{ toYaml $c | nindent 2 | trim }}
{{- end }}
{{- end }}

{{/* Refuse grace periods that would SIGKILL a process still draining. */}}
{{- define "onedoor.validate" -}}
{{- $grace := int .Values.config.shutdownGraceSeconds }}
{{- $apiNeeded := add $grace (int .Values.api.preStopSleepSeconds) }}
{{- if le (int .Values.api.terminationGracePeriodSeconds) $apiNeeded }}
{{- fail (printf "api.terminationGracePeriodSeconds (%d) must exceed api.preStopSleepSeconds + config.shutdownGraceSeconds (%d)" (int .Values.api.terminationGracePeriodSeconds) $apiNeeded) }}
{{- end }}
{{- if and .Values.workers.enabled (le (int .Values.workers.terminationGracePeriodSeconds) $grace) }}
{{- fail (printf "workers.terminationGracePeriodSeconds (%d) must exceed config.shutdownGraceSeconds (%d)" (int .Values.workers.terminationGracePeriodSeconds) $grace) }}
{{- end }}
{{- range $c := list "api" "workers" }}
{{- $a := (index $.Values $c).autoscaling }}
{{- if and $a.enabled (kindIs "invalid" $a.targetCPUUtilizationPercentage) (kindIs "invalid" $a.targetMemoryUtilizationPercentage) }}
{{- fail (printf "%s.autoscaling: set targetCPUUtilizationPercentage and/or targetMemoryUtilizationPercentage" $c) }}
{{- end }}
{{- if and $a.enabled (gt (int $a.minReplicas) (int $a.maxReplicas)) }}
{{- fail (printf "%s.autoscaling: minReplicas exceeds maxReplicas" $c) }}
{{- end }}
{{- end }}
{{- end }}

{{/* NetworkPolicy egress rules. Call with .Values.networkPolicy. */}}
{{- define "onedoor.networkPolicyEgress" -}}
{{- if .egress.enabled }}
egress:
  {{- if .egress.allowDns }}
  - ports:
      - port: 53
        protocol: UDP
      - port: 53
        protocol: TCP
  {{- end }}
  {{- with .egress.to }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}
{{- end }}

{{/* HorizontalPodAutoscaler (autoscaling/v2). Call with (dict "ctx" $ "component" "api"). */}}
{{- define "onedoor.hpa" -}}
{{- $ctx := .ctx }}
{{- $component := .component }}
{{- $a := (index $ctx.Values $component).autoscaling }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "onedoor.fullname" $ctx }}-{{ $component }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "onedoor.labels" (dict "ctx" $ctx "component" $component) | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "onedoor.fullname" $ctx }}-{{ $component }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    {{- with $a.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
    {{- with $a.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
  {{- with $a.behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
