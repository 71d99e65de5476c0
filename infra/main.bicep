// OrleansAI on Azure: silos and the Api on Container Apps, cluster state in PostgreSQL Flexible
// Server, weights and updates in a storage account, the chain reached over RPC. Images come from
// your registry (build them with infra/docker/Dockerfile).
//   az deployment group create -g RG -f infra/main.bicep -p @params.json
// Providers are not deployed here: they run oai-node on their own machines against `gatewayUrl`.

targetScope = 'resourceGroup'

@description('Azure region.')
param location string = resourceGroup().location

@description('Prefix of every resource name (3-12 lower-case letters and digits).')
@minLength(3)
@maxLength(12)
param prefix string = 'orleansai'

@description('Container registry server, for example myregistry.azurecr.io.')
param registryServer string

@description('Registry user name.')
param registryUsername string

@description('Registry password or token.')
@secure()
param registryPassword string

@description('Silo image, for example myregistry.azurecr.io/orleansai/silo:1.0.')
param siloImage string

@description('Api image.')
param apiImage string

@description('Silos (Orleans keeps grains available while any one of them runs).')
@minValue(1)
@maxValue(30)
param siloReplicas int = 2

@description('Api instances.')
@minValue(1)
@maxValue(30)
param apiReplicas int = 2

@description('PostgreSQL administrator password.')
@secure()
param postgresPassword string

@description('The first client: its id and the SHA-256 (hex) of its API key; the key itself never leaves the client.')
param clientId string

@description('SHA-256 (lower-case hex) of the client\'s API key.')
@minLength(64)
@maxLength(64)
param clientKeySha256 string

@description('The client\'s wallet, which funds its jobs\' escrow (empty: no budgeted jobs).')
param clientWallet string = ''

@description('Chain RPC endpoint (an Ethereum node the platform trusts).')
param chainRpcUrl string

@description('Chain id the providers must sign for.')
param chainId int

@description('The contracts\' deployment file (oai-deploy deploy --out), as JSON.')
@secure()
param deploymentJson string

@description('Key Vault holding the silo\'s signing keys as secrets \'platform-key\' (PLATFORM_ROLE: job starts, payments, reward multipliers) and \'slasher-key\' (SLASHER_ROLE), each a hex private key of its own account. Only the silo reads them; the Api holds no key.')
param keyVaultName string

@description('Base64 of at least 32 random bytes: signs provider session tokens; the same on every Api instance.')
@secure()
param gatewaySessionKey string

@description('The cluster\'s certificate (PEM; oai-deploy certs makes one, with both server and client authentication): silos and the Api present it to each other over mutual TLS.')
param clusterTlsCertificate string

@description('The cluster certificate\'s private key (PKCS#8 PEM).')
@secure()
param clusterTlsKey string

@description('The CA (PEM) that issued the cluster certificate: the only issuer cluster members accept.')
param clusterTlsCa string

@description('Addresses of the platform\'s own verifier nodes, comma-separated.')
param verifiers string = ''

@description('How long the results a finished job used are kept for audits, as a .NET time span (e.g. 30.00:00:00); empty keeps them.')
param resultRetention string = ''

var names = {
  logs: '${prefix}-logs'
  environment: '${prefix}-env'
  postgres: '${prefix}-pg-${uniqueString(resourceGroup().id)}'
  storage: take('${prefix}${uniqueString(resourceGroup().id)}', 24)
  silo: '${prefix}-silo'
  api: '${prefix}-api'
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.logs
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: names.environment
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {
  name: names.postgres
  location: location
  sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }
  properties: {
    version: '15'
    administratorLogin: 'orleans'
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: 64 }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-06-01-preview' = {
  parent: postgres
  name: 'orleans'
}

// Container Apps reach the server over its public endpoint; 0.0.0.0 admits Azure services only.
resource postgresFromAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-06-01-preview' = {
  parent: postgres
  name: 'azure-services'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: 'orleansai'
  properties: { publicAccess: 'None' }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${az.environment().suffixes.storage}'
var postgresConnection = 'Host=${postgres.properties.fullyQualifiedDomainName};Port=5432;Database=orleans;Username=orleans;Password=${postgresPassword};SSL Mode=VerifyFull'

var secrets = [
  { name: 'registry-password', value: registryPassword }
  { name: 'postgres-connection', value: postgresConnection }
  { name: 'storage-connection', value: storageConnection }
  { name: 'deployment-json', value: deploymentJson }
  { name: 'gateway-session-key', value: gatewaySessionKey }
  { name: 'cluster-tls-certificate', value: clusterTlsCertificate }
  { name: 'cluster-tls-key', value: clusterTlsKey }
  { name: 'cluster-tls-ca', value: clusterTlsCa }
]

// What silos and the Api share; the deployment file arrives as a secret mounted at /config.
var platformEnv = [
  { name: 'Postgres__ConnectionString', secretRef: 'postgres-connection' }
  { name: 'BlobStorage__ConnectionString', secretRef: 'storage-connection' }
  { name: 'BlobStorage__Container', value: container.name }
  { name: 'Chain__RpcUrl', value: chainRpcUrl }
  { name: 'Chain__ChainId', value: string(chainId) }
  { name: 'Chain__DeploymentFile', value: '/config/deployment-json' }
  { name: 'Cluster__ClusterId', value: '${prefix}-cluster' }
  { name: 'Cluster__ServiceId', value: prefix }
  { name: 'Cluster__SiloPort', value: '11111' }
  { name: 'Cluster__GatewayPort', value: '30000' }
  { name: 'Cluster__AdvertisedAddress', value: 'host' }
  { name: 'Clients__Keys__0__ClientId', value: clientId }
  { name: 'Clients__Keys__0__Sha256', value: clientKeySha256 }
  { name: 'Clients__Keys__0__Wallet', value: clientWallet }
  { name: 'Verification__Verifiers', value: verifiers }
  { name: 'Logging__Console__FormatterName', value: 'json' }
  // Silo to silo and Api to silo: mutual TLS with the cluster certificate, pinned to its CA.
  { name: 'Cluster__Tls__CertificatePath', value: '/tls/cluster.crt' }
  { name: 'Cluster__Tls__KeyPath', value: '/tls/cluster.key' }
  { name: 'Cluster__Tls__CaPath', value: '/tls/ca.crt' }
  // Container Apps' ingress terminates TLS for clients and providers (allowInsecure: false) and
  // reaches the containers' HTTP ports inside the environment's network: that one hop is the
  // plaintext the hosts are told is intended (docs/security.md). PostgreSQL is verified TLS.
  { name: 'Tls__AllowPlaintext', value: 'true' }
]

// The cluster certificate, its key and its CA as files (Cluster__Tls__*), in silos and the Api alike.
var tlsVolume = {
  name: 'tls'
  storageType: 'Secret'
  secrets: [
    { secretRef: 'cluster-tls-certificate', path: 'cluster.crt' }
    { secretRef: 'cluster-tls-key', path: 'cluster.key' }
    { secretRef: 'cluster-tls-ca', path: 'ca.crt' }
  ]
}

// Set only when given: an empty value would not be a time span.
var retentionSetting = { name: 'BlobStorage__ResultRetention', value: resultRetention }
var retentionEnv = empty(resultRetention) ? [] : [ retentionSetting ]

var configVolume = {
  name: 'config'
  storageType: 'Secret'
  secrets: [ { secretRef: 'deployment-json', path: 'deployment-json' } ]
}

// The silo alone signs on chain: its keys come from Key Vault through its own identity, and
// neither the keys nor the identity are given to the Api.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource siloIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${prefix}-silo-id'
  location: location
}

// Key Vault Secrets User: read secret values, nothing else.
resource siloReadsKeys 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, siloIdentity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: siloIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

var siloSecrets = concat(secrets, [
  { name: 'platform-key', keyVaultUrl: '${vault.properties.vaultUri}secrets/platform-key', identity: siloIdentity.id }
  { name: 'slasher-key', keyVaultUrl: '${vault.properties.vaultUri}secrets/slasher-key', identity: siloIdentity.id }
])

var siloChainEnv = [
  { name: 'Chain__PlatformKey', secretRef: 'platform-key' }
  { name: 'Chain__SlasherKey', secretRef: 'slasher-key' }
]

var registries = [
  { server: registryServer, username: registryUsername, passwordSecretRef: 'registry-password' }
]

resource silo 'Microsoft.App/containerApps@2024-03-01' = {
  name: names.silo
  location: location
  dependsOn: [ siloReadsKeys ]
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${siloIdentity.id}': {} }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      secrets: siloSecrets
      registries: registries
      // Internal only: the dashboard and health on 5100; silo-to-silo and client gateway ports beside it.
      ingress: {
        external: false
        targetPort: 5100
        transport: 'http'
        additionalPortMappings: [
          { external: false, targetPort: 11111, exposedPort: 11111 }
          { external: false, targetPort: 30000, exposedPort: 30000 }
        ]
      }
    }
    template: {
      containers: [
        {
          name: 'silo'
          image: siloImage
          resources: { cpu: json('2.0'), memory: '4Gi' }
          env: concat(platformEnv, siloChainEnv, retentionEnv, [ { name: 'Urls', value: 'http://0.0.0.0:5100' } ])
          volumeMounts: [ { volumeName: 'config', mountPath: '/config' }, { volumeName: 'tls', mountPath: '/tls' } ]
          probes: [
            { type: 'Liveness', httpGet: { path: '/health/live', port: 5100 }, periodSeconds: 10 }
            { type: 'Readiness', httpGet: { path: '/health/ready', port: 5100 }, periodSeconds: 5 }
          ]
        }
      ]
      volumes: [ configVolume, tlsVolume ]
      scale: { minReplicas: siloReplicas, maxReplicas: siloReplicas }
    }
  }
}

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: names.api
  location: location
  dependsOn: [ silo ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      secrets: secrets
      registries: registries
      // One HTTPS endpoint for both: ingress speaks HTTP/2 to the container's h2 port, which
      // serves the client API and the providers' gRPC gateway alike.
      ingress: {
        external: true
        targetPort: 5001
        transport: 'http2'
        allowInsecure: false
      }
    }
    template: {
      containers: [
        {
          name: 'api'
          image: apiImage
          resources: { cpu: json('1.0'), memory: '2Gi' }
          env: concat(platformEnv, retentionEnv, [
            { name: 'Kestrel__Endpoints__Http__Url', value: 'http://0.0.0.0:5000' }
            { name: 'Kestrel__Endpoints__Providers__Url', value: 'http://0.0.0.0:5001' }
            { name: 'Gateway__Domain', value: '${names.api}.${environment.properties.defaultDomain}' }
            { name: 'Gateway__SessionKey', secretRef: 'gateway-session-key' }
          ])
          volumeMounts: [ { volumeName: 'config', mountPath: '/config' }, { volumeName: 'tls', mountPath: '/tls' } ]
          probes: [
            { type: 'Liveness', httpGet: { path: '/health/live', port: 5000 }, periodSeconds: 10 }
            { type: 'Readiness', httpGet: { path: '/health/ready', port: 5000 }, periodSeconds: 5 }
          ]
        }
      ]
      volumes: [ configVolume, tlsVolume ]
      scale: { minReplicas: apiReplicas, maxReplicas: apiReplicas }
    }
  }
}

@description('The client API and the Open Inference Protocol.')
output apiUrl string = 'https://${api.properties.configuration.ingress.fqdn}'

@description('Where providers point oai-node --gateway.')
output gatewayUrl string = 'https://${api.properties.configuration.ingress.fqdn}'

@description('The storage account holding weights, updates and datasets.')
output storageAccount string = storage.name
