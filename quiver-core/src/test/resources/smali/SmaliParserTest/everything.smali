.class public final Lcom/example/Crypto;
.super Ljava/lang/Object;
.source "Crypto.java"

# interfaces
.implements Ljava/lang/Runnable;
.implements Ljava/io/Serializable;

# annotations
.annotation system Ldalvik/annotation/MemberClasses;
    value = {
        Lcom/example/Crypto$Inner;
    }
.end annotation

.annotation runtime Lkotlin/Metadata;
    d1 = {
        ".class Lbogus/FromAnnotation;"
    }
    k = .subannotation Lkotlin/Sub;
        x = ".end annotation"
    .end subannotation
.end annotation


# static fields
.field private static final SEP:Ljava/lang/String; = "a;b"

.field private static key:[B

.field public static counter:I = 0x2a

# instance fields
.field private name:Ljava/lang/String;
    .annotation runtime Lcom/example/FieldAnno;
    .end annotation
.end field

.field private matrix:[[J


# direct methods
.method public constructor <init>()V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    const-string v0, ".class Lcom/fake/Injected;"

    const-string/jumbo v0, "jumbo \"quoted\" \\ \u00e9\n.method fake()V"

    iput-object v0, p0, Lcom/example/Crypto;->name:Ljava/lang/String;

    return-void
.end method

.method public static encrypt(Ljava/lang/String;)[B
    .locals 3
    .param p0, "plain"    # Ljava/lang/String;

    new-instance v0, Ljava/lang/StringBuilder;

    invoke-virtual {p0}, Ljava/lang/String;->getBytes()[B

    move-result-object v1

    sget-object v2, Lcom/example/Crypto;->key:[B

    invoke-static {v1, v2}, Lcom/example/Crypto;->xor([B[B)[B

    move-result-object v1

    check-cast v1, [B

    return-object v1
.end method

.method public static encrypt([B)[B
    .registers 8

    invoke-static/range {p0 .. p0}, Lcom/example/Crypto;->encrypt(Ljava/lang/String;)[B

    invoke-interface {v0}, Ljava/lang/Runnable;->run()V

    invoke-super {p0}, Ljava/lang/Object;->hashCode()I

    invoke-polymorphic {v0, v1}, Ljava/lang/invoke/MethodHandle;->invoke([Ljava/lang/Object;)Ljava/lang/Object;, (I)V

    invoke-custom {v0}, call_site_0("run", ()Ljava/lang/Runnable;, ()V)@Ljava/lang/invoke/LambdaMetafactory;->metafactory(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;

    const-class v0, Lcom/example/Crypto;

    instance-of v1, v0, Ljava/lang/Runnable;

    new-array v2, v1, [I

    filled-new-array {v1, v2}, [I

    filled-new-array/range {v0 .. v2}, [Ljava/lang/String;

    sput v1, Lcom/example/Crypto;->counter:I

    iget-wide v2, p0, Lcom/example/Other;->big:J

    packed-switch v0, :pswitch_data_0

    :pswitch_data_0
    .packed-switch 0x1
        :pswitch_0
    .end packed-switch

    .array-data 4
        0x1
        0x2
    .end array-data

    return-object v0
.end method

.method public abstract run()V
.end method

.method native nativeCall(I)I
.end method
